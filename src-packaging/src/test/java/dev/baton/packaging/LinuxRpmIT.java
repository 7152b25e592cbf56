package dev.baton.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the console's .rpm that {@code package.sh} built: its metadata and scripts, then installs it
 * into a folder of its own with rpm's {@code --root} (this is a Debian machine: GTK and GL are Debian
 * packages, so their rpm names cannot be satisfied here) and runs the installed launcher.
 *
 * <p>On CI (CI=true, where .ci/run installs rpm and the build makes the .rpm) it always runs; elsewhere
 * it runs when an .rpm was built ({@code -Dpackaging.types="deb rpm"}, or rpmbuild on the machine).
 */
class LinuxRpmIT {

  private static final boolean CI = "true".equals(System.getenv("CI"));
  private static final String VERSION = System.getProperty("baton.version", "0.1.0-SNAPSHOT");
  /** Maven's 0.1.0-SNAPSHOT is 0.1.0~SNAPSHOT to rpm; jpackage adds the release "1". */
  private static final String RPM_VERSION = VERSION.replace('-', '~');
  private static final Path PACKAGES = Path.of(System.getProperty("baton.packages", "target/packages"));
  private static final Path RPM = PACKAGES.resolve("baton-" + RPM_VERSION + "-1.x86_64.rpm");
  private static final Path ROOT = Path.of("target/rpm-root").toAbsolutePath();

  @BeforeAll
  static void onlyWhereTheRpmWasBuilt() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), ".rpm packages are checked on Linux only");
    if (!CI) {
      assumeTrue(Host.has("rpm") && Files.isRegularFile(RPM),
          "no .rpm built (rpmbuild missing, or -Dpackaging.types without rpm): " + RPM.toAbsolutePath());
    }
    assertTrue(Host.has("rpm"), "CI must have rpm (.ci/run installs it)");
    assertTrue(Files.isRegularFile(RPM), RPM + " was not built (package.sh, package phase)");
  }

  @Test
  void metadataNamesTheConsoleItsVersionAndWhatJavaFxNeeds() throws Exception {
    assertEquals("baton " + RPM_VERSION + " 1 x86_64",
        Host.ok("rpm", "-qp", "--qf", "%{NAME} %{VERSION} %{RELEASE} %{ARCH}", RPM.toString()).strip());
    List<String> requires = Host.ok("rpm", "-qpR", RPM.toString()).lines().map(String::strip).toList();
    assertTrue(requires.contains("gtk3") && requires.contains("mesa-libGL"), "JavaFX needs GTK 3 and GL: " + requires);
    // jpackage's desktop integration (xdg-utils and its scripts) fails on machines without a menu.
    assertFalse(requires.contains("xdg-utils"), requires.toString());
    String scripts = Host.ok("rpm", "-qp", "--scripts", RPM.toString());
    assertFalse(scripts.contains("xdg-desktop-menu"), "no script may call xdg-desktop-menu:\n" + scripts);

    List<String> files = Host.ok("rpm", "-qpl", RPM.toString()).lines().toList();
    for (String file : List.of("/opt/baton/bin/baton", "/opt/baton/lib/app/baton-console.jar", "/usr/bin/baton",
        "/usr/share/applications/baton.desktop", "/usr/share/icons/hicolor/256x256/apps/baton.png")) {
      assertTrue(files.contains(file), file + " is not in the package");
    }
    // Folders every system owns are not claimed (rpm on Fedora refuses conflicting owners).
    for (String shared : List.of("/opt", "/usr", "/usr/bin", "/usr/share/applications")) {
      assertFalse(files.contains(shared), shared + " must not be owned by baton");
    }
  }

  @Test
  void installedIntoARootTheLauncherRunsOnItsTrimmedRuntime() throws Exception {
    Host.ok("rm", "-rf", ROOT.toString());
    Files.createDirectories(ROOT);
    Host.ok("rpm", "--root", ROOT.toString(), "--initdb");
    Host.ok("rpm", "--root", ROOT.toString(), "-i", "--nodeps", RPM.toString());
    assertEquals("baton-" + RPM_VERSION + "-1.x86_64", Host.ok("rpm", "--root", ROOT.toString(), "-q", "baton").strip());
    // Every installed file is as packaged (digests, sizes, modes).
    Host.ok("rpm", "--root", ROOT.toString(), "-V", "--nodeps", "baton");
    assertEquals(Path.of("/opt/baton/bin/baton"), Files.readSymbolicLink(ROOT.resolve("usr/bin/baton")));
    String desktop = Files.readString(ROOT.resolve("usr/share/applications/baton.desktop"));
    assertTrue(desktop.contains("Exec=baton") && desktop.contains("Icon=baton"), desktop);

    String version = Host.ok(ROOT.resolve("opt/baton/bin/baton").toString(), "--version");
    assertEquals("Baton console " + VERSION, version.strip(), "the launcher starts the jar on the bundled runtime");

    Host.ok("rpm", "--root", ROOT.toString(), "-e", "--nodeps", "baton");
    assertFalse(Files.exists(ROOT.resolve("opt/baton/bin/baton")), "rpm -e removes the console");
    assertFalse(Files.exists(ROOT.resolve("usr/bin/baton"), LinkOption.NOFOLLOW_LINKS));
  }
}
