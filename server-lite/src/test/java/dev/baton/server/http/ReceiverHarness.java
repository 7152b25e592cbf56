package dev.baton.server.http;

import dev.baton.server.DatabaseRows;
import dev.baton.server.BatonServer;
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
import java.util.List;

/** A real receiver on 127.0.0.1:0 with a real SQLite file, and a real HTTP client. */
final class ReceiverHarness implements AutoCloseable {

  /** A captured payload from the test resources (copies of the shared samples). */
  static byte[] sample(String name) throws java.io.IOException {
    try (java.io.InputStream in = ReceiverHarness.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name + " in src/test/resources/samples");
      }
      return in.readAllBytes();
    }
  }

  final Path db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T13:12:00Z"));
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  BatonServer server;

  ReceiverHarness(Path dir, String config) throws Exception {
    this.db = dir.resolve("baton.db");
    server = BatonServer.start(ServerSettings.forDatabase(db)
        .withConfig(ConfigLoader.parse(config, "test.yml"))
        .withClock(clock)
        .withTickInterval(Duration.ZERO));
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String body, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return post(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), all);
  }

  List<List<Object>> query(String sql) throws Exception {
    return DatabaseRows.query(db, sql);
  }

  long count(String sql) throws Exception {
    return ((Number) query(sql).get(0).get(0)).longValue();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
