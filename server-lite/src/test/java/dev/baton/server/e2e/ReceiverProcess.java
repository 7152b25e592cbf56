package dev.baton.server.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Baton's receiver as a separate JVM, started the way users start it ({@code Main --listen
 * --db}), so a test can SIGKILL it for real.
 *
 * <p>It runs from the test classpath ({@code target/classes} and the dependencies), which is
 * exactly the code under test during {@code verify} — the shaded {@code baton-server.jar} is
 * built only in {@code package}, after the tests, and a jar left over from an earlier build could
 * be stale. Set {@code -Dbaton.e2e.receiverJar=server-lite/target/baton-server.jar} to run a
 * built jar instead.
 */
final class ReceiverProcess implements AutoCloseable {

  private static final String MAIN_CLASS = "dev.baton.server.Main";

  private final ExternalProcess process;
  private final int port;

  private ReceiverProcess(ExternalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a receiver on a free loopback port with {@code db}, and waits until it is ready. */
  static ReceiverProcess start(Path workDir, Path db, String... extraArgs) throws IOException {
    int port = ExternalProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xmx256m");
    String jar = System.getProperty("baton.e2e.receiverJar");
    if (jar != null && !jar.isBlank()) {
      command.add("-jar");
      command.add(Path.of(jar).toAbsolutePath().toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(MAIN_CLASS);
    }
    command.addAll(List.of("--listen", "127.0.0.1:" + port, "--db", db.toString()));
    command.addAll(List.of(extraArgs));
    Path log = Files.createTempFile(workDir, "receiver-", ".log");
    ExternalProcess p = ExternalProcess.start("Baton receiver", command, log);
    try {
      p.awaitHttpOk("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
    } catch (AssertionError | RuntimeException e) {
      try {
        p.kill();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
    return new ReceiverProcess(p, port);
  }

  /** The java that runs this test, so the receiver gets the same JDK. */
  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  int port() {
    return port;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  void kill() throws InterruptedException {
    process.kill();
  }

  void stop() throws InterruptedException {
    process.stop();
  }

  String log() {
    return process.log();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
