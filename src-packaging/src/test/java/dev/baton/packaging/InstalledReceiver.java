package dev.baton.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed receiver started the way its systemd unit starts it: the unit's User, its
 * Environment lines, then its EnvironmentFile, then ExecStart. systemd itself does not run in
 * the test's container, so this reads the installed unit file and does what it says.
 */
final class InstalledReceiver implements AutoCloseable {

  static final Path UNIT = Path.of("/lib/systemd/system/baton-server.service");
  private static final Pattern LISTENING = Pattern.compile("baton-server listening on (http://\\S+)");

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final String url;

  private InstalledReceiver(Process process, Duration timeout) throws InterruptedException {
    this.process = process;
    Thread reader = new Thread(this::collectOutput, "installed-receiver-output");
    reader.setDaemon(true);
    reader.start();
    this.url = awaitUrl(timeout);
  }

  static InstalledReceiver start() throws IOException, InterruptedException {
    List<String> unit = Files.readAllLines(UNIT);
    String user = null;
    List<String> exec = null;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    for (String line : unit) {
      if (line.startsWith("User=")) {
        user = line.substring("User=".length());
      } else if (line.startsWith("Environment=")) {
        putAssignment(env, line.substring("Environment=".length()));
      } else if (line.startsWith("EnvironmentFile=")) {
        String file = line.substring("EnvironmentFile=".length());
        boolean optional = file.startsWith("-");
        Path path = Path.of(optional ? file.substring(1) : file);
        if (Files.exists(path) || !optional) {
          for (String assignment : Files.readAllLines(path)) {
            if (!assignment.isBlank() && !assignment.startsWith("#")) {
              putAssignment(env, assignment);
            }
          }
        }
      } else if (line.startsWith("ExecStart=")) {
        exec = List.of(line.substring("ExecStart=".length()).split(" "));
      }
    }
    if (user == null || exec == null) {
      throw new AssertionError(UNIT + " names no User= or no ExecStart=");
    }
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
    command.addAll(exec);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(Path.of("/var/lib/baton").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new InstalledReceiver(builder.start(), Duration.ofSeconds(120));
  }

  private static void putAssignment(Map<String, String> env, String assignment) {
    int eq = assignment.indexOf('=');
    env.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
  }

  private void collectOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (output) {
          output.add(line);
          output.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended; what it printed is kept.
    }
  }

  private String awaitUrl(Duration timeout) throws InterruptedException {
    Instant until = Instant.now().plus(timeout);
    synchronized (output) {
      while (Instant.now().isBefore(until)) {
        for (String line : output) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            return m.group(1);
          }
        }
        if (!process.isAlive()) {
          break;
        }
        output.wait(500);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("the installed receiver did not say where it listens; it printed:\n" + output());
  }

  String url() {
    return url;
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** SIGTERM, as systemctl stop sends; waits for the receiver to close its database. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the receiver did not stop within 60 s of SIGTERM:\n" + output());
    }
  }
}
