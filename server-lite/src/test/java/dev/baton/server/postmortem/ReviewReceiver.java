package dev.baton.server.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.MutableClock;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.net.URI;
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
 * A real receiver on loopback with a SQLite file and a clock the test moves, and a real HTTP
 * client for the post-mortem and report API. Alerts go in through {@code POST /api/v2/alerts}.
 */
final class ReviewReceiver implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = new MutableClock(T0);
  final BatonServer server;
  final Path db;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;

  ReviewReceiver(Path dir, String config) throws Exception {
    this(dir, config, T0);
  }

  ReviewReceiver(Path dir, String config, Instant now) throws Exception {
    clock.set(now);
    db = dir.resolve("baton.db");
    server = BatonServer.start(ServerSettings.forDatabase(db).withConfig(ConfigLoader.parse(config, "test.yml"))
        .withClock(clock).withTickInterval(Duration.ZERO));
  }

  /** Sends later requests with this bearer token (null: none). */
  ReviewReceiver as(String bearer) {
    this.token = bearer;
    return this;
  }

  /** Posts one firing alert (labels as name, value, …) and waits for its commit. */
  void fire(String... labels) throws Exception {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", map);
    alert.put("annotations", Map.of("summary", map.get("alertname") + " fires"));
    alert.put("startsAt", clock.instant().minusSeconds(30).toString());
    HttpResponse<String> r = send("POST", "/api/v2/alerts", JSON.writeValueAsBytes(List.of(alert)),
        "Content-Type", "application/json");
    assertEquals(200, r.statusCode(), r.body());
  }

  HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
    HttpResponse<byte[]> r = sendBytes(method, path, body, headers);
    return new StringResponse(r);
  }

  HttpResponse<byte[]> sendBytes(String method, String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends JSON (a String as is, anything else through Jackson), expects {@code status}, answers the JSON body. */
  JsonNode call(int status, String method, String path, Object body, String... headers) throws Exception {
    byte[] bytes = body == null ? null
        : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    HttpResponse<String> r = send(method, path, bytes, all);
    assertEquals(status, r.statusCode(), method + " " + path + " answered " + r.body());
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  JsonNode get(int status, String path) throws Exception {
    HttpResponse<String> r = send("GET", path, null);
    assertEquals(status, r.statusCode(), "GET " + path + " answered " + r.body());
    return JSON.readTree(r.body());
  }

  /** The document fields of a post-mortem as {@code PUT} takes them, to change some and send back. */
  static com.fasterxml.jackson.databind.node.ObjectNode fields(JsonNode postmortem) {
    com.fasterxml.jackson.databind.node.ObjectNode f = JSON.createObjectNode();
    for (String name : PostmortemValidator.FIELDS) {
      f.set(name, postmortem.get(name));
    }
    return f;
  }

  /** The id of the one open incident of a trigger. */
  long incident(String trigger) throws Exception {
    JsonNode page = get(200, "/api/v1/incidents?q=" + java.net.URLEncoder.encode("trigger = " + trigger,
        StandardCharsets.UTF_8));
    assertEquals(1, page.get("items").size(), trigger);
    return page.get("items").get(0).get("id").asLong();
  }

  @Override
  public void close() {
    server.close();
  }

  /** A byte response read as UTF-8 text. */
  private record StringResponse(HttpResponse<byte[]> raw) implements HttpResponse<String> {
    @Override public int statusCode() { return raw.statusCode(); }
    @Override public HttpRequest request() { return raw.request(); }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    @Override public java.net.http.HttpHeaders headers() { return raw.headers(); }
    @Override public String body() { return new String(raw.body(), StandardCharsets.UTF_8); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return raw.sslSession(); }
    @Override public URI uri() { return raw.uri(); }
    @Override public HttpClient.Version version() { return raw.version(); }
  }
}
