package dev.baton.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthAndMetricsHttpTest {

  static final String TOKENS = """
      tokens:
        - {name: prom, role: ingest, secret: ingest-secret-0123456789}
        - {name: viewer, role: read, secret: viewer-secret-0123456789}
        - {name: ops, role: operate, secret: operate-secret-0123456789}
        - {name: root, role: admin, secret: admin-secret-0123456789}
      sources:
        - {name: prometheus-eu, token: prom, default_project: horns-and-hooves}
      projects:
        horns-and-hooves: {service_level: Platinum}
      """;
  static final String ALERT = "[{\"labels\":{\"alertname\":\"Auth\",\"severity\":\"critical\"}}]";

  @TempDir Path dir;
  ReceiverHarness r;

  @AfterEach
  void stop() {
    if (r != null) {
      r.close();
    }
  }

  static String bearer(String secret) {
    return "Bearer " + secret;
  }

  @Test
  void rolesDecideWhatEachTokenMayDo() throws Exception {
    r = new ReceiverHarness(dir, TOKENS);
    HttpResponse<String> none = r.postJson("/api/v2/alerts", ALERT);
    IngestHttpTest.assertJsonError(none, 401);
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    IngestHttpTest.assertJsonError(r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("wrong-secret-0123456789")), 401);
    IngestHttpTest.assertJsonError(r.postJson("/api/v2/alerts", ALERT, "Authorization", "Basic cHJvbTpwcm9t"), 401);
    IngestHttpTest.assertJsonError(r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("viewer-secret-0123456789")), 403);
    IngestHttpTest.assertJsonError(r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("operate-secret-0123456789")), 403);
    assertEquals(0, r.count("SELECT count(*) FROM messages"), "nothing stored for refused requests");

    assertEquals(200, r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("ingest-secret-0123456789")).statusCode());
    assertEquals(200, r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("admin-secret-0123456789")).statusCode());

    IngestHttpTest.assertJsonError(r.get("/metrics"), 401);
    IngestHttpTest.assertJsonError(r.get("/metrics", "Authorization", bearer("ingest-secret-0123456789")), 403);
    assertEquals(200, r.get("/metrics", "Authorization", bearer("viewer-secret-0123456789")).statusCode());
    assertEquals(200, r.get("/metrics", "Authorization", bearer("operate-secret-0123456789")).statusCode());
    assertEquals(200, r.get("/api/v2/status", "Authorization", bearer("admin-secret-0123456789")).statusCode());
    assertEquals(200, r.get("/api/v2/status", "Authorization", bearer("ingest-secret-0123456789")).statusCode(),
        "amtool asks for the status before posting, with the ingest token it was given");
    IngestHttpTest.assertJsonError(r.get("/api/v2/status"), 401);
    assertEquals(200, r.get("/-/ready").statusCode(), "probes need no token");
  }

  @Test
  void sourceAndDefaultProjectComeFromTheToken() throws Exception {
    r = new ReceiverHarness(dir, TOKENS);
    assertEquals(200, r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("ingest-secret-0123456789")).statusCode());
    assertEquals(200, r.postJson("/api/v2/alerts", ALERT, "Authorization", bearer("admin-secret-0123456789")).statusCode());
    assertEquals(List.of(List.of("prometheus-eu"), List.of("root")), r.query("SELECT source FROM messages ORDER BY id"));
    assertEquals(List.of(List.of("horns-and-hooves", "urgent", "Platinum"), List.of("default", "async", "None")),
        r.query("SELECT project, sla_class, service_level FROM incidents ORDER BY id"));
  }

  @Test
  void statusDoesNotRevealSecrets() throws Exception {
    r = new ReceiverHarness(dir, TOKENS);
    String body = r.get("/api/v2/status", "Authorization", bearer("viewer-secret-0123456789")).body();
    assertFalse(body.contains("secret-0123456789"), body);
    assertTrue(body.contains("<secret>"), body);
  }

  /** Waits up to 30 s (a loaded machine closes exchanges late) for {@code line} in the metrics. */
  private void awaitMetric(String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String body = r.get("/metrics").body();
    while (!body.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      body = r.get("/metrics").body();
    }
    assertTrue(body.contains(line), line + " not in\n" + body);
  }

  @Test
  void metricsCountWhatHappened() throws Exception {
    r = new ReceiverHarness(dir, "");
    HttpResponse<String> invalid = r.postJson("/api/v2/alerts",
        "[{\"labels\":{\"alertname\":\"M1\",\"severity\":\"critical\"}},{\"labels\":{\"alertname\":\"M2\"}},"
            + "{\"labels\":{},\"startsAt\":\"yesterday\"}]");
    assertEquals(400, invalid.statusCode(), "one invalid alert: 400, the two valid ones stored");
    assertTrue(invalid.body().contains("alerts[2].labels") && invalid.body().contains("alerts[2].startsAt"),
        "two problems in one alert: " + invalid.body());
    r.postJson("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"M1\"},\"endsAt\":\"2026-11-21T13:00:00Z\"}]");
    String m = r.get("/metrics").body();
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.get("/metrics").headers().firstValue("Content-Type").orElse(""));
    String source = "source=\"127.0.0.1/alertmanager-v2\",endpoint=\"alertmanager-v2\"";
    assertTrue(m.contains("baton_alerts_received_total{" + source + "} 3\n"), m);
    assertTrue(m.contains("baton_alerts_rejected_total{" + source + ",reason=\"invalid\"} 1\n"), "alerts, not problems: " + m);
    r.get("/wp-login.php");
    r.post("/api/v2/alerts", "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/xml");
    // requests are counted as their exchange closes, just after the client has its answer
    awaitMetric("baton_http_requests_total{path=\"/api/v2/alerts\",code=\"400\"} 1\n");
    awaitMetric("baton_http_requests_total{path=\"/api/v2/alerts\",code=\"200\"} 1\n");
    awaitMetric("baton_http_requests_total{path=\"/api/v2/alerts\",code=\"415\"} 1\n");
    awaitMetric("baton_http_requests_total{path=\"other\",code=\"404\"} 1\n");
    assertTrue(m.contains("baton_alerts{state=\"firing\"} 1\n"), m);
    assertTrue(m.contains("baton_alerts{state=\"ok\"} 1\n"), m);
    assertTrue(m.contains("baton_incidents{status=\"open\",sla_class=\"async\"} 1\n"), m);
    assertTrue(m.contains("baton_incidents{status=\"open\",sla_class=\"retro\"} 1\n"), m);
    assertTrue(m.contains("baton_commit_batch_requests_count 2\n"), m);
    assertTrue(m.contains("# TYPE baton_commit_duration_seconds histogram\n"), m);
    assertTrue(m.contains("baton_commit_duration_seconds_bucket{le=\"+Inf\"} 2\n"), m);
    assertTrue(m.contains("baton_queue_depth 0\n"), m);
  }
}
