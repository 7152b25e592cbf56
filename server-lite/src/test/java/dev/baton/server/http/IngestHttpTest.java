package dev.baton.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP with the real ingest protocols and the captured payloads. */
class IngestHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] INGEST_PATHS = {"/api/v2/alerts", "/api/v1/alerts", "/api/v1/ingest/alertmanager",
      "/api/v1/events", "/v2/enqueue"};

  @TempDir Path dir;
  ReceiverHarness r;

  @AfterEach
  void stop() {
    if (r != null) {
      r.close();
    }
  }

  static byte[] sample(String name) throws Exception {
    return ReceiverHarness.sample(name);
  }

  static void assertJsonError(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    JsonNode body = JSON.readTree(response.body());
    assertEquals(status, body.path("code").asInt(), response.body());
    assertFalse(body.path("message").asText().isBlank(), response.body());
    assertNoStackTrace(response);
  }

  static void assertNoStackTrace(HttpResponse<String> response) {
    assertFalse(response.body().contains("\tat ") || response.body().contains("Exception")
        || response.body().contains("dev.baton."), response.body());
  }

  @Test
  void probesAnswerLikeAlertmanager() throws Exception {
    r = new ReceiverHarness(dir, "");
    assertTrue(r.server.ready(), "an empty database loads before start returns");
    for (String path : List.of("/-/ready", "/-/healthy")) {
      HttpResponse<String> response = r.get(path);
      assertEquals(200, response.statusCode());
      assertEquals("OK", response.body());
    }
  }

  @Test
  void statusIsShapedLikeAlertmanagersForAmtool() throws Exception {
    r = new ReceiverHarness(dir, "severity:\n  default: S6\n");
    HttpResponse<String> response = r.get("/api/v2/status");
    assertEquals(200, response.statusCode());
    JsonNode s = JSON.readTree(response.body());
    assertEquals("disabled", s.path("cluster").path("status").asText());
    assertTrue(s.path("cluster").path("peers").isArray());
    for (String field : List.of("version", "revision", "branch", "buildUser", "buildDate", "goVersion")) {
      assertTrue(s.path("versionInfo").has(field), field);
    }
    assertEquals("severity:\n  default: S6\n", s.path("config").path("original").asText());
    assertEquals("2026-11-21T13:12:00Z", s.path("uptime").asText());
  }

  @Test
  void prometheusPushIsStoredRawWithItsAlert() throws Exception {
    r = new ReceiverHarness(dir, "");
    byte[] body = sample("prometheus_v2_post_first.json");
    HttpResponse<String> response = r.post("/api/v2/alerts", body, "Content-Type", "application/json",
        "User-Agent", "Prometheus/2.42.0+ds");
    assertEquals(200, response.statusCode(), response.body());
    List<List<Object>> messages = r.query("SELECT source, endpoint, client, content_type, body FROM messages");
    assertEquals(1, messages.size());
    assertEquals(List.of("127.0.0.1/alertmanager-v2", "alertmanager-v2", "127.0.0.1", "application/json"),
        messages.get(0).subList(0, 4));
    assertArrayEquals(body, (byte[]) messages.get(0).get(4));
    assertEquals(List.of(List.of("Flapping", "718f9f6d91c50633", "firing", 2)),
        r.query("SELECT trigger, am_fingerprint, state, severity FROM alerts"));
    assertEquals(1, r.count("SELECT count(*) FROM incidents WHERE trigger = 'Flapping'"));
  }

  @Test
  void bodiesAreStoredByteForByteWhateverTheirFraming() throws Exception {
    r = new ReceiverHarness(dir, "");
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 40; i++) {
      big.append(i == 0 ? "" : ",").append("{\"labels\":{\"alertname\":\"Big").append(i)
          .append("\"},\"annotations\":{\"description\":\"").append("x".repeat(500)).append("\"}}");
    }
    byte[] large = big.append(']').toString().getBytes(StandardCharsets.UTF_8);
    assertTrue(large.length > 16 * 1024, "larger than the buffers a body is read through");
    assertEquals(200, r.post("/api/v2/alerts", large, "Content-Type", "application/json").statusCode());
    byte[] chunked = "[{\"labels\":{\"alertname\":\"Chunked\"}}]".getBytes(StandardCharsets.UTF_8);
    assertEquals("HTTP/1.1 200", rawPost(chunked, "Transfer-Encoding: chunked\r\n"));
    List<List<Object>> bodies = r.query("SELECT body FROM messages ORDER BY id");
    assertEquals(2, bodies.size());
    assertArrayEquals(large, (byte[]) bodies.get(0).get(0));
    assertArrayEquals(chunked, (byte[]) bodies.get(1).get(0));
    assertEquals(41, r.count("SELECT count(*) FROM alerts"));
  }

  /** Posts {@code body} to /api/v2/alerts in two chunks over a raw socket; returns the status line's first 12 characters. */
  private String rawPost(byte[] body, String framing) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", r.server.port())) {
      s.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(("POST /api/v2/alerts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + framing
          + "\r\n").getBytes(StandardCharsets.US_ASCII));
      int half = body.length / 2;
      request.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.write(body, 0, half);
      request.write(("\r\n" + Integer.toHexString(body.length - half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.write(body, half, body.length - half);
      request.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(request.toByteArray());
      s.getOutputStream().flush();
      byte[] status = s.getInputStream().readNBytes(12);
      return new String(status, StandardCharsets.US_ASCII);
    }
  }

  @Test
  void alertmanagerWebhookFiringThenResolvedMakesOk() throws Exception {
    r = new ReceiverHarness(dir, "");
    assertEquals(200, r.post("/api/v1/ingest/alertmanager", sample("alertmanager_webhook_firing.json"),
        "Content-Type", "application/json").statusCode());
    assertEquals("firing", r.query("SELECT state FROM alerts").get(0).get(0));
    assertEquals(200, r.post("/api/v1/ingest/alertmanager", sample("alertmanager_webhook_resolved.json"),
        "Content-Type", "application/json").statusCode());
    assertEquals(List.of(List.of("ok", 1)), r.query("SELECT state, count(*) FROM alerts GROUP BY state"));
    assertEquals(1, r.count("SELECT count(*) FROM firing_periods WHERE ended_by = 'resolved'"));
  }

  @Test
  void contentTypesThatSendersUseAreAcceptedAndOthersAre415() throws Exception {
    r = new ReceiverHarness(dir, "");
    String alert = "[{\"labels\":{\"alertname\":\"CT\"}}]";
    byte[] bytes = alert.getBytes(StandardCharsets.UTF_8);
    assertEquals(200, r.post("/api/v2/alerts", bytes, "Content-Type", "application/json; charset=utf-8").statusCode());
    assertEquals(200, r.post("/api/v2/alerts", bytes, "Content-Type", "text/plain").statusCode());
    assertEquals(200, r.post("/api/v2/alerts", bytes).statusCode(), "no content type, as curl -d without -H");
    assertJsonError(r.post("/api/v2/alerts", bytes, "Content-Type", "application/xml"), 415);
    assertJsonError(r.post("/api/v2/alerts", bytes, "Content-Type", "application/json", "Content-Encoding", "br"), 415);
  }

  @Test
  void gzipBodiesAreDecoded() throws Exception {
    r = new ReceiverHarness(dir, "");
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(sample("prometheus_v2_post_first.json"));
    }
    HttpResponse<String> ok = r.post("/api/v2/alerts", zipped.toByteArray(), "Content-Type", "application/json",
        "Content-Encoding", "gzip");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(1, r.count("SELECT count(*) FROM alerts WHERE trigger = 'Flapping'"));
    assertJsonError(r.post("/api/v2/alerts", "not gzip".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/json", "Content-Encoding", "gzip"), 400);
  }

  @Test
  void oversizedBodiesAre413EvenWhenGzipHidesTheSize() throws Exception {
    r = new ReceiverHarness(dir, "limits:\n  max_body: 1KiB\n");
    byte[] big = ("[{\"labels\":{\"alertname\":\"" + "x".repeat(2000) + "\"}}]").getBytes(StandardCharsets.UTF_8);
    assertJsonError(r.post("/api/v2/alerts", big, "Content-Type", "application/json"), 413);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(big);
    }
    assertTrue(zipped.size() < 1024);
    assertJsonError(r.post("/api/v2/alerts", zipped.toByteArray(), "Content-Type", "application/json",
        "Content-Encoding", "gzip"), 413);
    assertEquals(0, r.count("SELECT count(*) FROM messages"));
  }

  @Test
  void ingestLimitsComeFromTheConfig() throws Exception {
    r = new ReceiverHarness(dir, "limits:\n  labels_per_alert: 2\n");
    HttpResponse<String> response = r.postJson("/api/v2/alerts",
        "[{\"labels\":{\"alertname\":\"Few\"}},{\"labels\":{\"alertname\":\"Many\",\"a\":\"1\",\"b\":\"2\"}}]");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("alerts[1]"), response.body());
    assertEquals(List.of(List.of("Few")), r.query("SELECT trigger FROM alerts"));
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405WithAllow() throws Exception {
    r = new ReceiverHarness(dir, "");
    assertJsonError(r.get("/api/v2/nothing"), 404);
    assertJsonError(r.get("/api/v2/alerts/extra"), 404);
    HttpResponse<String> wrong = r.get("/api/v1/events"); // GET /api/v2/alerts reads alerts (amtool alert query)
    assertJsonError(wrong, 405);
    assertEquals("POST", wrong.headers().firstValue("Allow").orElse(""));
    HttpResponse<String> post = r.postJson("/-/ready", "");
    assertJsonError(post, 405);
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void malformedBatchesStoreTheValidAlertsAndSayWhatIsWrong() throws Exception {
    r = new ReceiverHarness(dir, "");
    HttpResponse<String> response = r.postJson("/api/v2/alerts",
        "[{\"labels\":{\"alertname\":\"Good\"}},{\"labels\":{}},"
            + "{\"labels\":{\"alertname\":\"Bad\"},\"startsAt\":\"2024-01-02T00:00:00Z\",\"endsAt\":\"2024-01-01T00:00:00Z\"}]");
    assertEquals(400, response.statusCode(), response.body());
    assertNoStackTrace(response);
    assertEquals(List.of(List.of("Good")), r.query("SELECT trigger FROM alerts"));
    HttpResponse<String> notJson = r.postJson("/api/v2/alerts", "not json");
    assertEquals(400, notJson.statusCode());
    assertNoStackTrace(notJson);
    assertEquals(1, r.count("SELECT count(*) FROM messages"), "a rejected body stores nothing");
    String metrics = r.get("/metrics").body();
    assertTrue(metrics.contains(
        "baton_alerts_rejected_total{source=\"127.0.0.1/alertmanager-v2\",endpoint=\"alertmanager-v2\",reason=\"invalid\"} 3"),
        metrics);
  }

  @Test
  void aClientThatNeverFinishesItsBodyDoesNotStopOthers() throws Exception {
    r = new ReceiverHarness(dir, "limits:\n  http_threads: 8\n");
    java.util.List<java.net.Socket> stalled = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        java.net.Socket s = new java.net.Socket("127.0.0.1", r.server.port());
        s.getOutputStream().write(("POST /api/v2/alerts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n[{").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        stalled.add(s);
      }
      // four workers wait for bodies that never come (until the JDK server's request timeout cuts them off);
      // the others keep serving
      HttpResponse<String> ready = r.get("/-/ready");
      assertEquals(200, ready.statusCode());
      assertEquals(200, r.postJson("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"StillServed\"}}]").statusCode());
    } finally {
      for (java.net.Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void fuzzedBodiesNeverGetA5xxOrAStackTrace() throws Exception {
    r = new ReceiverHarness(dir, "");
    Random random = new Random(42);
    String[] fragments = {"[", "]", "{", "}", "\"labels\"", ":", ",", "\"alertname\"", "\"x\"", "null", "1e999",
        "\"startsAt\"", "\"0001-01-01T00:00:00Z\"", "\"endsAt\"", "true", "\"\\u0000\"", "\"status\"", "\"resolved\"",
        "\"alerts\"", "\"version\"", "\"4\"", "\"event_action\"", "\"trigger\"", "\"routing_key\"", "-", "\"kind\""};
    for (int i = 0; i < 300; i++) {
      StringBuilder body = new StringBuilder();
      int n = random.nextInt(30);
      for (int j = 0; j < n; j++) {
        body.append(fragments[random.nextInt(fragments.length)]);
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      if (i % 10 == 0) {
        bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
      }
      String path = INGEST_PATHS[i % INGEST_PATHS.length];
      HttpResponse<String> response = r.post(path, bytes, "Content-Type", "application/json");
      assertTrue(response.statusCode() < 500, path + " " + body + " -> " + response.statusCode() + " " + response.body());
      assertNoStackTrace(response);
    }
    assertEquals(200, r.get("/-/healthy").statusCode());
  }
}
