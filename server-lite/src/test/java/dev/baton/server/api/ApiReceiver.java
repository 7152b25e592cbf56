package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.MutableClock;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import dev.baton.server.config.ConfigSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real receiver on loopback with a SQLite file and a clock the test moves; alerts go in through
 * {@code POST /api/v2/alerts} as Alertmanager's API takes them, answers come back over HTTP.
 */
final class ApiReceiver implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  static final String CONFIG = """
      projects:
        alpha: {service_level: Platinum}
        beta: {service_level: Gold}
      severity:
        labels: {critical: S1, warning: S3, info: S6}
        default: S6
      """;

  final MutableClock clock;
  final BatonServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  /** The bearer token alerts are sent with, when the config has tokens. */
  private final String ingestToken;

  ApiReceiver(Path dir) throws Exception {
    this(dir, "");
  }

  /** With {@code moreConfig} (YAML sections) after {@link #CONFIG}; relative paths in it are taken from {@code dir}. */
  ApiReceiver(Path dir, String moreConfig) throws Exception {
    this(dir, CONFIG + moreConfig, null);
  }

  /** With its own whole {@code config}; alerts are sent with {@code ingestToken} when it is not null. */
  ApiReceiver(Path dir, String config, String ingestToken) throws Exception {
    this(dir, config, ingestToken, T0);
  }

  /** As {@link #ApiReceiver(Path, String, String)}, with the clock at {@code start} (a receiver started again later). */
  ApiReceiver(Path dir, String config, String ingestToken, Instant start) throws Exception {
    this.clock = new MutableClock(start);
    this.ingestToken = ingestToken;
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(config, "test.yml", dir)).withClock(clock).withTickInterval(Duration.ZERO));
  }

  /** Reading its configuration from {@code source} (applied again by {@code server.reloadConfig()}), the clock at T0. */
  ApiReceiver(Path dir, ConfigSource source) throws Exception {
    this.clock = new MutableClock(T0);
    this.ingestToken = null;
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db")).withConfig(source.load())
        .withConfigSource(source).withClock(clock).withTickInterval(Duration.ZERO));
  }

  /** Posts one firing alert (labels given as name, value, …) and waits for its commit. */
  void fire(String... labels) throws Exception {
    post(labels, null);
  }

  /** Posts the alert as resolved (ended a second ago). */
  void resolve(String... labels) throws Exception {
    post(labels, clock.instant().minusSeconds(1));
  }

  private void post(String[] labels, Instant endsAt) throws Exception {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", map);
    alert.put("annotations", Map.of("summary", map.get("alertname") + " on " + map.getOrDefault("instance", "?")));
    alert.put("startsAt", clock.instant().minusSeconds(30).toString());
    if (endsAt != null) {
      alert.put("endsAt", endsAt.toString());
    }
    alert.put("generatorURL", "http://prometheus.example/graph");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/alerts"))
        .header("Content-Type", "application/json");
    if (ingestToken != null) {
      request.header("Authorization", "Bearer " + ingestToken);
    }
    HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(
        json.writeValueAsString(List.of(alert)))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  /** POSTs a JSON body (headers as name, value, …); the raw answer. */
  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request without a body (DELETE…), headers as name, value, …; the raw answer. */
  HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  /** GET with headers (name, value, …); the raw answer. */
  HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET with headers (name, value, …), expecting {@code status}; the body as JSON. */
  JsonNode get(int status, String pathAndQuery, String... headers) throws Exception {
    HttpResponse<String> r = get(pathAndQuery, headers);
    assertEquals(status, r.statusCode(), pathAndQuery + " answered " + r.body());
    return json.readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
