package dev.baton.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands on this machine for the install test: each must succeed, or the test says what it printed. */
final class Host {

  private Host() {}

  record Result(int exitCode, String output) {}

  /** Runs {@code command} with stdin closed, stdout and stderr together; gives up after {@code timeoutSeconds}. */
  static Result run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("baton-packaging-", ".log");
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Runs {@code command} and demands exit code 0; returns what it printed. */
  static String ok(String... command) throws IOException, InterruptedException {
    Result result = run(600, command);
    assertEquals(0, result.exitCode(), () -> String.join(" ", command) + " failed:\n" + result.output());
    return result.output();
  }

  static boolean has(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return List.of("/usr/sbin", "/sbin", "/usr/bin").stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  static boolean isRoot() throws IOException, InterruptedException {
    return ok("id", "-u").trim().equals("0");
  }

  static boolean installed(String packageName) throws IOException, InterruptedException {
    Result status = run(60, "dpkg-query", "-W", "-f=${db:Status-Status}", packageName);
    return status.exitCode() == 0 && status.output().trim().equals("installed");
  }
}
