package dev.baton.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The console's class-data archive, which the Linux packages dump when they are installed (class-archive.sh). */
final class ClassArchive {

  private ClassArchive() {}

  /**
   * Runs {@code launcher --version} (after {@code prefix}, e.g. to run it as another user) with
   * {@code -Xshare:on}, which stops the JVM unless it maps an archive, and checks that the
   * console's own classes came from it. Returns what the launcher printed.
   */
  static String assertMapped(List<String> prefix, String launcher) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of("env", "JAVA_TOOL_OPTIONS=-Xshare:on -Xlog:class+load=info", launcher, "--version"));
    String output = Host.ok(command.toArray(String[]::new));
    assertTrue(output.contains("dev.baton.console.Launcher source: shared objects file"),
        "the console's classes come from the archive:\n" + output.lines().filter(l -> l.contains("dev.baton")).limit(5).toList());
    return output;
  }
}
