package dev.baton.server.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer process (Prometheus, Alertmanager, a receiver JVM) with its output in a log file,
 * stopped in {@link #close()} whatever happened: SIGTERM, then SIGKILL after a grace period.
 */
final class ExternalProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;

  private ExternalProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ExternalProcess start(String name, List<String> command, Path log) throws IOException {
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new ExternalProcess(name, p, log);
  }

  /**
   * Debian's Prometheus with {@code config} on 127.0.0.1:{@code port}, its data and log in
   * {@code dir}, re-sending firing alerts every {@code resendDelay} (a Prometheus duration, {@code 1s});
   * returns once it is ready.
   */
  static ExternalProcess prometheus(Path binary, Path config, Path dir, int port, String resendDelay,
      Duration wait) throws IOException {
    ExternalProcess p = start("prometheus", List.of(binary.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prometheus-data")),
        "--web.listen-address=127.0.0.1:" + port,
        "--rules.alert.resend-delay=" + resendDelay), dir.resolve("prometheus.log"));
    return p.awaitHttpOk("http://127.0.0.1:" + port + "/-/ready", wait);
  }

  /** A port nobody listens on right now, on 127.0.0.1. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Waits until {@code url} answers 200, failing early with the log when the process exits. */
  ExternalProcess awaitHttpOk(String url, Duration timeout) {
    Await.until(name + " to answer 200 at " + url, timeout, () -> {
      if (!process.isAlive()) {
        throw new Await.Hopeless(name + " exited with " + process.exitValue() + "; log:\n" + log());
      }
      HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode();
    }, status -> status == 200);
    return this;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and wait until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, SIGKILL after 10 s; returns when the process is gone. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
