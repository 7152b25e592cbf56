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
    // The class archive: dumped after install, deleted on erase but not by the old package of an upgrade.
    assertTrue(scripts.contains("postinstall scriptlet (using /bin/sh):\nsh /opt/baton/lib/app/class-archive.sh\n"), scripts);
    assertTrue(scripts.contains("preuninstall scriptlet (using /bin/sh):\nif [ \"$1\" -eq 0 ]; then\n"
        + "  rm -f /opt/baton/lib/baton.jsa /opt/baton/lib/baton.jsa.tmp\nfi"), scripts);

    List<String> files = Host.ok("rpm", "-qpl", RPM.toString()).lines().toList();
    for (String file : List.of("/opt/baton/bin/baton", "/opt/baton/lib/app/baton-console.jar", "/usr/bin/baton",
        "/usr/share/applications/baton.desktop", "/usr/share/icons/hicolor/256x256/apps/baton.png",
        "/opt/baton/lib/app/class-archive.sh", "/opt/baton/lib/app/baton.classlist")) {
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
    // The root has no shell for the scriptlets: %post's command runs below, outside it.
    Host.ok("rpm", "--root", ROOT.toString(), "-i", "--nodeps", "--noscripts", RPM.toString());
    assertEquals("baton-" + RPM_VERSION + "-1.x86_64", Host.ok("rpm", "--root", ROOT.toString(), "-q", "baton").strip());
    // Every installed file is as packaged (digests, sizes, modes).
    Host.ok("rpm", "--root", ROOT.toString(), "-V", "--nodeps", "baton");
    assertEquals(Path.of("/opt/baton/bin/baton"), Files.readSymbolicLink(ROOT.resolve("usr/bin/baton")));
    String desktop = Files.readString(ROOT.resolve("usr/share/applications/baton.desktop"));
    assertTrue(desktop.contains("Exec=baton") && desktop.contains("Icon=baton"), desktop);

    String version = Host.ok(ROOT.resolve("opt/baton/bin/baton").toString(), "--version");
    assertEquals("Baton console " + VERSION, version.strip(), "the launcher starts the jar on the bundled runtime");

    // %post: the class archive, for the files where they are; the launcher then maps it.
    Path archive = ROOT.resolve("opt/baton/lib/baton.jsa");
    assertFalse(Files.exists(archive));
    Host.ok("sh", ROOT.resolve("opt/baton/lib/app/class-archive.sh").toString());
    assertTrue(Files.isRegularFile(archive), "class-archive.sh dumps " + archive);
    ClassArchive.assertMapped(List.of(), ROOT.resolve("opt/baton/bin/baton").toString());
    Files.delete(archive); // what %preun does on erase

    Host.ok("rpm", "--root", ROOT.toString(), "-e", "--nodeps", "--noscripts", "baton");
    assertFalse(Files.exists(ROOT.resolve("opt/baton/bin/baton")), "rpm -e removes the console");
    assertFalse(Files.exists(ROOT.resolve("usr/bin/baton"), LinkOption.NOFOLLOW_LINKS));
  }
}
