package dev.baton.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.StartupException;
import dev.baton.server.config.ConfigLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real receiver for console tests: SQLite file in a temporary folder, loopback HTTP, fed by its ingest API. */
public final class TestReceiver implements AutoCloseable {

  public static final String CONFIG = """
      projects:
        alpha: {service_level: Platinum}
      severity:
        labels: {critical: S1, warning: S3}
        default: S6
      """;

  /** {@link #CONFIG} with tokens: prom (ingest), alice and bob (operate); secrets are the name + "-secret-0123456789". */
  public static final String WITH_TOKENS = CONFIG + """
      tokens:
        - {name: prom, role: ingest, secret: "prom-secret-0123456789"}
        - {name: alice, role: operate, secret: "alice-secret-0123456789"}
        - {name: bob, role: operate, secret: "bob-secret-0123456789"}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServerSettings settings;
  private final String ingestSecret;
  private BatonServer server;
  private int port;

  private TestReceiver(ServerSettings settings, String ingestSecret) throws StartupException {
    this.settings = settings;
    this.ingestSecret = ingestSecret;
    this.server = BatonServer.start(settings);
    this.port = URI.create(server.url()).getPort();
  }

  public static TestReceiver start(Path dir) throws Exception {
    return start(dir, CONFIG);
  }

  public static TestReceiver start(Path dir, String config) throws Exception {
    return start(dir, config, null);
  }

  /** A receiver whose time is {@code clock} (a {@link MovableClock} makes weeks of history in a test). */
  public static TestReceiver startAt(Clock clock, Path dir, String config) throws Exception {
    return startAt(clock, dir, config, null);
  }

  /** At {@code clock}, with tokens in {@code config}: {@code ingestSecret} is the secret {@link #fire} sends. */
  public static TestReceiver startAt(Clock clock, Path dir, String config, String ingestSecret) throws Exception {
    return new TestReceiver(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(config, "test.yml")).withClock(clock), ingestSecret);
  }

  /** With tokens in {@code config}: {@code ingestSecret} is the secret {@link #fire} sends. */
  public static TestReceiver start(Path dir, String config, String ingestSecret) throws Exception {
    return new TestReceiver(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(config, "test.yml")), ingestSecret);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Posts one alert as Alertmanager API v2 (Prometheus) does. */
  public void fire(String alertname, String project, String severity, Map<String, String> labels,
      Map<String, String> annotations) throws IOException, InterruptedException {
    fire(alertname, project, severity, labels, annotations, Instant.now().minusSeconds(60));
  }

  /** The same, firing since {@code startsAt}. */
  public void fire(String alertname, String project, String severity, Map<String, String> labels,
      Map<String, String> annotations, Instant startsAt) throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(labels);
    all.put("alertname", alertname);
    all.put("project", project);
    all.put("severity", severity);
    String body = JSON.writeValueAsString(List.of(Map.of("labels", all, "annotations", annotations,
        "startsAt", startsAt.toString())));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (ingestSecret != null) {
      request.header("Authorization", "Bearer " + ingestSecret);
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("ingest answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** Applies what the receiver's clock has made due now (a silent source goes missing, its alerts unknown). */
  public void tick() throws Exception {
    server.tick().get();
  }

  /** Stops the receiver (the console sees it go away). */
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Starts it again on the same port and database. */
  public void restart() throws StartupException {
    stop();
    server = BatonServer.start(settings.withListen(new InetSocketAddress("127.0.0.1", port)));
  }

  @Override
  public void close() {
    stop();
  }
}
