package dev.baton.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.DatabaseRows;
import dev.baton.server.MutableClock;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real receiver on loopback with a SQLite file that survives restarts; alerts go in over HTTP. */
final class StreamReceiver implements AutoCloseable {

  final Path db;
  final String config;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  BatonServer server;

  StreamReceiver(Path dir, String config) throws Exception {
    this.db = dir.resolve("baton.db");
    this.config = config;
    start();
  }

  void start() throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(db).withConfig(ConfigLoader.parse(config, "test.yml"))
        .withClock(clock).withTickInterval(Duration.ZERO));
  }

  String url(String path) {
    return server.url() + path;
  }

  /** Posts firing alerts named {@code prefix-0 … prefix-(n-1)} in one request (each opens its own incident). */
  void fire(String prefix, int n, String... headers) throws Exception {
    firePadded(prefix, n, "", headers);
  }

  void firePadded(String prefix, int n, String padding, String... headers) throws Exception {
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("labels", Map.of("alertname", prefix + "-" + i, "project", "alpha", "severity", "critical"));
      a.put("annotations", Map.of("summary", "broken " + i + padding));
      a.put("startsAt", clock.instant().minusSeconds(30).toString());
      alerts.add(a);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/v2/alerts")))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<String> r = http.send(b.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alerts)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The change log's ids after {@code afterId}, as committed. */
  List<Long> changeIdsAfter(long afterId) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (List<Object> row : DatabaseRows.query(db, "SELECT id FROM change_log WHERE id > " + afterId + " ORDER BY id")) {
      ids.add(((Number) row.get(0)).longValue());
    }
    return ids;
  }

  long head() throws Exception {
    List<Long> all = changeIdsAfter(0);
    return all.isEmpty() ? 0 : all.get(all.size() - 1);
  }

  SseClient stream(Map<String, String> headers) throws Exception {
    return new SseClient(url("/api/v1/stream"), headers);
  }

  void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
