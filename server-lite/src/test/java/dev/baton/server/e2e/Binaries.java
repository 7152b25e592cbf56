package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real peers from Debian's packages on PATH. Missing on a developer machine: the test
 * is skipped. Missing on CI (CI=true, where .ci/run installs them): the test fails.
 */
final class Binaries {

  private Binaries() {}

  static Path prometheus() {
    return require("prometheus", "prometheus");
  }

  /** Debian names the binary prometheus-alertmanager; upstream tarballs name it alertmanager. */
  static Path alertmanager() {
    return require("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager");
  }

  static Path amtool() {
    return require("prometheus-alertmanager", "amtool");
  }

  private static Path require(String debianPackage, String... names) {
    Optional<Path> found = find(names);
    boolean onCi = "true".equals(System.getenv("CI"));
    assumeTrue(found.isPresent() || onCi,
        () -> String.join(" or ", names) + " not on PATH: apt-get install " + debianPackage + " to run this test");
    assertTrue(found.isPresent(), () -> String.join(" or ", names) + " not on PATH on CI: .ci/run must install "
        + debianPackage);
    return found.get();
  }

  private static Optional<Path> find(String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
