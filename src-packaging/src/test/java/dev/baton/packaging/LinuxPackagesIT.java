package dev.baton.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installs the .debs that {@code package.sh} built on this machine and uses them as an ops team
 * would: receiver from its installed path as its unit runs it, an upgrade over an older version,
 * the console from PATH under Xvfb, then removal. The steps build on each other, in order.
 *
 * <p>It needs root and changes the machine (packages, the baton user, /var/lib/baton, /etc/baton).
 * On CI (CI=true, root) it always runs; elsewhere it runs only as root on a machine without Baton
 * installed, and otherwise says why it skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinuxPackagesIT {

  private static final boolean CI = "true".equals(System.getenv("CI"));
  private static final String VERSION = System.getProperty("baton.version", "0.1.0-SNAPSHOT");
  /** Maven's 0.1.0-SNAPSHOT is 0.1.0~SNAPSHOT to dpkg; jpackage adds the package release "-1". */
  private static final String DEB_VERSION = VERSION.replace('-', '~') + "-1";
  private static final String OLDER_VERSION = "0.0.1~older-1";
  private static final Path PACKAGES = Path.of(System.getProperty("baton.packages", "target/packages"));
  private static final Path CONSOLE_DEB = PACKAGES.resolve("baton_" + DEB_VERSION + "_amd64.deb");
  private static final Path SERVER_DEB = PACKAGES.resolve("baton-server_" + DEB_VERSION + "_amd64.deb");
  private static final Path WORK = Path.of("target/install-test");
  private static final Path VAR_LIB = Path.of("/var/lib/baton");
  private static final Path CONFIG = Path.of("/etc/baton/baton.yml");
  private static final Path DEFAULTS = Path.of("/etc/default/baton-server");
  private static final Path DATABASE = VAR_LIB.resolve("baton.db");
  private static final String ALERT = "PackagedReceiverCheck";
  private static final String DESK_USER = "baton-desk-it";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static Path consoleHome;

  @BeforeAll
  static void onlyWhereInstallingIsAllowed() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "native packages are install-tested on Linux only");
    boolean debian = Host.has("dpkg") && Host.has("apt-get");
    if (!debian) {
      assumeTrue(CI, "not a Debian-like machine: the .debs are built, not installed");
      fail("CI must run on Debian: dpkg and apt-get are missing");
    }
    if (!Host.isRoot()) {
      assumeTrue(CI, "not root: the .debs are in " + PACKAGES.toAbsolutePath() + "; to install-test them run"
          + " ./mvnw -pl src-packaging verify as root (it installs and removes baton and baton-server)");
      fail("CI must run as root: this test installs the packages it built");
    }
    boolean baton = Host.installed("baton") || Host.installed("baton-server") || Files.exists(VAR_LIB)
        || Files.exists(CONFIG);
    if (baton && !CI) {
      assumeTrue(false, "Baton is installed here (or left /var/lib/baton or /etc/baton): the install test"
          + " would replace it; remove it first, or run on a machine of its own");
    }
    assertTrue(Files.isRegularFile(CONSOLE_DEB), CONSOLE_DEB + " was not built (package.sh, package phase)");
    assertTrue(Files.isRegularFile(SERVER_DEB), SERVER_DEB + " was not built (package.sh, package phase)");
    // A previous run on this CI machine may have left them: start from nothing.
    Host.run(300, "dpkg", "--purge", "baton", "baton-server");
    Host.ok("rm", "-rf", VAR_LIB.toString(), "/etc/baton");
    Files.createDirectories(WORK);
    // The console runs as an ordinary desk user with a home of its own (Java takes the home
    // folder from the user database, not from HOME).
    Host.run(60, "userdel", "--remove", DESK_USER);
    consoleHome = Path.of(System.getProperty("java.io.tmpdir")).resolve(DESK_USER);
    Host.ok("useradd", "--create-home", "--home-dir", consoleHome.toString(), "--shell", "/usr/sbin/nologin", DESK_USER);
  }

  @AfterAll
  static void leaveTheMachineAsFound() throws Exception {
    if (consoleHome == null) {
      return;
    }
    Host.run(300, "dpkg", "--purge", "baton", "baton-server");
    Host.run(60, "rm", "-rf", VAR_LIB.toString(), "/etc/baton");
    Host.run(60, "userdel", "--remove", DESK_USER);
  }

  @Test
  @Order(1)
  void receiverPackageInstallsUserConfigAndHardenedUnit() throws Exception {
    Path older = olderServerPackage();
    Host.ok("apt-get", "install", "-y", "--no-install-recommends", older.toAbsolutePath().toString());

    assertTrue(Host.installed("baton-server"));
    assertTrue(Host.ok("getent", "passwd", "baton").contains("/var/lib/baton"), "system user baton");
    assertEquals("baton", Files.getOwner(VAR_LIB).getName(), "/var/lib/baton belongs to baton");
    assertEquals("root baton 640 /etc/baton/baton.yml", Host.ok("dpkg-statoverride", "--list", CONFIG.toString()).trim(),
        "the configuration may hold secrets: root and group baton only");
    String conffiles = Host.ok("dpkg-query", "-W", "-f=${Conffiles}", "baton-server");
    assertTrue(conffiles.contains(CONFIG.toString()) && conffiles.contains(DEFAULTS.toString()), conffiles);

    String unit = Files.readString(InstalledReceiver.UNIT);
    for (String hardening : List.of("User=baton", "NoNewPrivileges=yes", "ProtectSystem=strict",
        "ReadWritePaths=/var/lib/baton", "PrivateTmp=yes", "ProtectHome=yes", "CapabilityBoundingSet=\n")) {
      assertTrue(unit.contains(hardening), "unit lacks " + hardening.trim());
    }
    assertTrue(unit.contains("Environment=BATON_LISTEN=127.0.0.1:9393"), "loopback until configured");
    if (Host.has("systemd-analyze") || CI) {
      // Reports unknown settings, bad paths and ExecStart binaries that are missing.
      Host.ok("systemd-analyze", "verify", InstalledReceiver.UNIT.toString());
      // systemd's own rating of the sandbox, 0 (locked down) .. 10 (none); --offline needs systemd 250+.
      Host.Result security = Host.run(120, "systemd-analyze", "security", "--offline=true", InstalledReceiver.UNIT.toString());
      if (!security.output().contains("unrecognized option")) {
        Matcher exposure = Pattern.compile("Overall exposure level for baton-server.service: (\\d+\\.\\d+)")
            .matcher(security.output());
        assertTrue(exposure.find(), security.output());
        assertTrue(Double.parseDouble(exposure.group(1)) <= 2.0, "exposure " + exposure.group(1) + ":\n" + security.output());
      }
    }
  }

  @Test
  @Order(2)
  void installedReceiverTakesAnAlertAsItsUnitRunsIt() throws Exception {
    // Configured as an admin would: a port of its own (0: any free one) and a service level.
    Files.writeString(DEFAULTS, Files.readString(DEFAULTS) + "BATON_LISTEN=127.0.0.1:0\n");
    Files.writeString(CONFIG, Files.readString(CONFIG) + "projects:\n  packaging:\n    service_level: Gold\n");

    try (InstalledReceiver receiver = InstalledReceiver.start()) {
      assertTrue(receiver.output().contains("Picked up JAVA_TOOL_OPTIONS: -Xmx192m"), receiver.output());
      awaitReady(receiver.url());
      HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url() + "/api/v1/events"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"labels\": {\"alertname\": \"" + ALERT + "\", \"project\": \"packaging\","
              + " \"severity\": \"critical\"}, \"annotations\": {\"summary\": \"sent to the installed receiver\"}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, posted.statusCode(), posted.body());

      String incidents = incidents(receiver.url());
      assertTrue(incidents.contains(ALERT), incidents);
      assertTrue(incidents.contains("\"Gold\"") || incidents.contains("\"gold\""),
          "the project's service level comes from /etc/baton/baton.yml: " + incidents);
    }
    assertEquals("baton", Files.getOwner(DATABASE).getName(), "the receiver ran as baton");
  }

  @Test
  @Order(3)
  void upgradeKeepsTheDatabaseAndLocalConfiguration() throws Exception {
    Host.ok("apt-get", "install", "-y", "--no-install-recommends", "-o", "Dpkg::Options::=--force-confold",
        SERVER_DEB.toAbsolutePath().toString());
    assertEquals(DEB_VERSION, Host.ok("dpkg-query", "-W", "-f=${Version}", "baton-server").trim());
    assertTrue(Files.readString(CONFIG).contains("service_level: Gold"), "local edit of baton.yml kept");
    assertTrue(Files.readString(DEFAULTS).contains("BATON_LISTEN=127.0.0.1:0"), "local edit of the defaults kept");
    assertEquals("root baton 640 /etc/baton/baton.yml", Host.ok("dpkg-statoverride", "--list", CONFIG.toString()).trim());

    try (InstalledReceiver receiver = InstalledReceiver.start()) {
      awaitReady(receiver.url());
      String incidents = incidents(receiver.url());
      assertTrue(incidents.contains(ALERT), "the alert sent before the upgrade is still there: " + incidents);
    }
  }

  @Test
  @Order(4)
  void anOlderDatabaseIsMigratedWhenTheReceiverStarts() throws Exception {
    // A database as the first schema left it, with one stored message, where the unit looks.
    Path older = VAR_LIB.resolve("older.db");
    int versions;
    try (JarFile jar = new JarFile("/opt/baton-server/lib/app/baton-server.jar")) {
      versions = (int) read(jar, "db/migration/index.txt").lines().filter(l -> !l.isBlank()).count();
      try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + older); Statement s = db.createStatement()) {
        for (String sql : read(jar, "db/migration/V1__receiver.sql").split(";\\s*\\n")) {
          if (!sql.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("--"))) {
            s.execute(sql);
          }
        }
        s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        s.execute("INSERT INTO schema_version VALUES (1, 'V1__receiver.sql', 0)");
        s.execute("INSERT INTO messages (received_at, source, endpoint, body) VALUES (0, 'older', 'baton-events', x'7b7d')");
      }
    }
    assertTrue(versions > 1, "the receiver has migrations past the first");
    Host.ok("chown", "baton:baton", older.toString());
    String defaults = Files.readString(DEFAULTS);
    Files.writeString(DEFAULTS, defaults + "BATON_DB=" + older + "\n");
    try (InstalledReceiver receiver = InstalledReceiver.start()) {
      awaitReady(receiver.url());
    } finally {
      Files.writeString(DEFAULTS, defaults);
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + older); Statement s = db.createStatement()) {
      assertEquals(versions, single(s, "SELECT max(version) FROM schema_version"));
      assertEquals(1, single(s, "SELECT count(*) FROM messages WHERE source = 'older'"), "the stored message survived");
    }
  }

  @Test
  @Order(5)
  void consoleFromPathShowsItsWindow() throws Exception {
    Host.ok("apt-get", "install", "-y", "--no-install-recommends", CONSOLE_DEB.toAbsolutePath().toString());
    assertEquals(Path.of("/opt/baton/bin/baton"), Files.readSymbolicLink(Path.of("/usr/bin/baton")));
    String desktop = Files.readString(Path.of("/usr/share/applications/baton.desktop"));
    assertTrue(desktop.contains("Exec=baton") && desktop.contains("Icon=baton"), desktop);
    assertTrue(Files.isRegularFile(Path.of("/usr/share/icons/hicolor/256x256/apps/baton.png")));
    String depends = Host.ok("dpkg-query", "-W", "-f=${Depends}", "baton");
    assertTrue(depends.contains("libgtk-3-0") && depends.contains("libgl1"), "JavaFX needs GTK 3 and GL: " + depends);

    assumeTrue(Host.has("Xvfb") || CI, "Xvfb is not installed: the console's window is not tried");
    // With Xvfb, package.sh recorded the classes the console starts with; postinst dumped them.
    assertTrue(Files.isRegularFile(Path.of("/opt/baton/lib/baton.jsa")), "postinst dumps the class archive");
    String version = ClassArchive.assertMapped(List.of("setpriv", "--reuid=" + DESK_USER, "--regid=" + DESK_USER,
        "--init-groups", "--"), "baton");
    assertTrue(version.contains("Baton console " + VERSION), version);
    Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
        .redirectError(WORK.resolve("xvfb.log").toFile()).start();
    Process console = null;
    try {
      String display = ":" + new String(xvfb.getInputStream().readNBytes(8), StandardCharsets.US_ASCII).trim().split("\\s")[0];
      ProcessBuilder baton = new ProcessBuilder("setpriv", "--reuid=" + DESK_USER, "--regid=" + DESK_USER,
          "--init-groups", "--", "baton", "--demo").redirectErrorStream(true)
          .redirectOutput(WORK.resolve("console.log").toFile());
      baton.environment().clear();
      baton.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
      baton.environment().put("HOME", consoleHome.toString());
      baton.environment().put("DISPLAY", display);
      console = baton.start();

      // The demo stream posts to the embedded receiver, whose database is in the user's folder.
      Path userDb = consoleHome.resolve(".local/share/baton/baton.db");
      awaitMessages(userDb, console);
      // The receiver takes alerts before the window is up: look until the window is painted.
      Path shot = WORK.resolve("console-installed.png");
      Instant until = Instant.now().plusSeconds(180);
      BufferedImage image;
      do {
        Thread.sleep(3_000); // also lets the list's 2 s polling show the demo's incidents
        grab(display, shot);
        image = ImageIO.read(shot.toFile());
      } while (colours(image) <= 50 && console.isAlive() && Instant.now().isBefore(until));
      assertEquals(1280, image.getWidth());
      assertTrue(colours(image) > 50, "the screen shows a window, not a blank screen: " + shot.toAbsolutePath()
          + "\n" + Files.readString(WORK.resolve("console.log")));
      assertTrue(console.isAlive(), Files.readString(WORK.resolve("console.log")));
    } finally {
      if (console != null) {
        console.destroy();
        if (!console.waitFor(30, TimeUnit.SECONDS)) {
          console.destroyForcibly().waitFor();
        }
      }
      xvfb.destroy();
      xvfb.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(6)
  void removingThePackagesLeavesEveryonesDataAlone() throws Exception {
    Host.ok("apt-get", "remove", "-y", "baton", "baton-server");
    assertFalse(Files.exists(Path.of("/opt/baton")) || Files.exists(Path.of("/opt/baton-server")));
    assertFalse(Files.exists(Path.of("/usr/bin/baton"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(InstalledReceiver.UNIT));
    assertTrue(Files.exists(consoleHome.resolve(".local/share/baton/baton.db")), "the console user's data stays");
    assertTrue(Files.exists(DATABASE), "the receiver's database stays");
    assertTrue(Files.readString(CONFIG).contains("service_level: Gold"), "remove keeps the configuration");

    Host.ok("apt-get", "purge", "-y", "baton-server");
    assertFalse(Files.exists(CONFIG), "purge removes the configuration");
    assertTrue(Files.exists(DATABASE), "purge keeps the database too");
    assertTrue(Host.ok("dpkg-statoverride", "--list").lines().noneMatch(l -> l.contains("/etc/baton")));
  }

  /** The server .deb with an older version number: what was installed before this release. */
  private static Path olderServerPackage() throws Exception {
    Path tree = WORK.resolve("older-tree");
    Host.ok("rm", "-rf", tree.toString());
    Host.ok("dpkg-deb", "-R", SERVER_DEB.toString(), tree.toString());
    Path control = tree.resolve("DEBIAN/control");
    Files.writeString(control, Files.readString(control).replace("Version: " + DEB_VERSION, "Version: " + OLDER_VERSION));
    Path older = WORK.resolve("baton-server_" + OLDER_VERSION + "_amd64.deb");
    // gzip -1: this copy is only installed once, so build it fast.
    Host.ok("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "-b", tree.toString(), older.toString());
    Host.ok("rm", "-rf", tree.toString());
    return older;
  }

  private static void awaitReady(String url) throws Exception {
    Instant until = Instant.now().plusSeconds(120);
    while (true) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      if (Instant.now().isAfter(until)) {
        fail(url + " was not ready within 120 s");
      }
      Thread.sleep(250);
    }
  }

  private static String incidents(String url) throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/incidents")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  private static void awaitMessages(Path db, Process console) throws Exception {
    Instant until = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(until) && console.isAlive()) {
      if (Files.exists(db)) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             Statement s = c.createStatement()) {
          if (single(s, "SELECT count(*) FROM messages") > 0) {
            return;
          }
        } catch (SQLException e) {
          // created but not migrated yet
        }
      }
      Thread.sleep(1_000);
    }
    fail("the installed console stored no demo alert in " + db + ":\n" + Files.readString(WORK.resolve("console.log")));
  }

  private static void grab(String display, Path shot) throws Exception {
    ProcessBuilder grab = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", testClasses(), ScreenGrab.class.getName(), shot.toString()).redirectErrorStream(true);
    grab.environment().put("DISPLAY", display);
    Process p = grab.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "screenshot failed:\n" + out);
  }

  private static String testClasses() {
    return Path.of("target/test-classes").toAbsolutePath().toString();
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private static String read(JarFile jar, String entry) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
