package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring of monitoring with a real Prometheus (Debian's 2.42): its always-firing Watchdog is
 * the heartbeat of source {@code prometheus-e2e} (watched every 12 s) and never an incident; its
 * process is stopped, its Watchdog stops, and Baton opens a {@code no-data-for} incident and turns
 * the alert it was sending unknown because the source fell silent (before that alert's own endsAt).
 */
class PrometheusHeartbeatE2ETest {

  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String INGEST = "e2e-ingest-secret-0123456789";
  private static final String READ = "e2e-read-secret-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;
  private ReceiverProcess baton;
  private ExternalProcess prometheus;

  @AfterEach
  void stop() throws Exception {
    try (ReceiverProcess b = baton; ExternalProcess p = prometheus) {
      // closes Prometheus first, then the receiver, whichever were started
    }
  }

  @Test
  void aStoppedPrometheusMissesItsWatchdogOpensNoDataForAndItsAlertsTurnUnknown() throws Exception {
    Path binary = Binaries.prometheus();
    Path db = dir.resolve("baton.db");
    Path config = Resources.render("baton-heartbeat.yml", dir, Map.of("INGEST", INGEST, "READ", READ));
    baton = ReceiverProcess.start(dir, db, "--config", config.toString());
    Path rules = Resources.render("prometheus-heartbeat-rules.yml", dir, Map.of());
    Path prometheusConfig = Resources.render("prometheus-heartbeat.yml", dir, Map.of("BATON",
        "127.0.0.1:" + baton.port(), "TOKEN", INGEST, "RULES", rules.toString()));
    int port = ExternalProcess.freePort();
    prometheus = ExternalProcess.prometheus(binary, prometheusConfig, dir, port, "5s", WAIT);

    // running: the Watchdog keeps the source ok and is no alert; the normal alert fires
    JsonNode alive = Await.until("prometheus-e2e's Watchdog counted as its heartbeat", WAIT,
        () -> source("prometheus-e2e"), s -> s.path("heartbeatsReceived").asLong() >= 2);
    assertEquals("ok", alive.path("status").asText(), alive.toString());
    Await.until("E2EHeartbeatAlert stored as firing", WAIT, () -> alertState("E2EHeartbeatAlert"),
        "firing"::equals);
    assertEquals(null, alertState("Watchdog"), "a Watchdog is a heartbeat, not an alert");
    assertEquals(0, incidents("trigger = Watchdog").size());
    assertEquals(0, incidents("trigger = \"no-data-for\"").size(), "no false alarm while it runs");

    prometheus.stop();

    JsonNode noData = Await.until("a no-data-for incident for prometheus-e2e", WAIT,
        () -> incidents("trigger = \"no-data-for\" AND source = \"prometheus-e2e\""), list -> list.size() == 1).get(0);
    assertEquals("e2e", noData.path("project").asText());
    assertEquals("S1", noData.path("severity").asText());
    assertEquals("firing", noData.path("state").asText(), noData.toString());
    JsonNode missing = source("prometheus-e2e");
    assertEquals("missing", missing.path("status").asText(), missing.toString());

    // the alert it was sending is unknown because its source fell silent, not because it expired
    Await.until("E2EHeartbeatAlert unknown", WAIT, () -> alertState("E2EHeartbeatAlert"), "unknown"::equals);
    assertEquals(List.of("source_silent"), new BatonDb(db).periodEnds("E2EHeartbeatAlert"));
    Thread.sleep(2_000);
    assertEquals(1, incidents("trigger = \"no-data-for\"").size(), "one incident however long it stays silent");
    assertEquals("unknown", alertState("E2EHeartbeatAlert"), "silence is not health");
  }

  /** The state of the alert named so, as the receiver's alerts search gives it; null when there is none. */
  private String alertState(String alertname) throws Exception {
    JsonNode items = get("/api/v1/alerts?q=" + enc("trigger = " + alertname)).path("items");
    return items.isEmpty() ? null : items.get(0).path("state").asText(null);
  }

  private JsonNode source(String name) throws Exception {
    for (JsonNode s : get("/api/v1/sources").path("sources")) {
      if (name.equals(s.path("name").asText())) {
        return s;
      }
    }
    throw new IllegalStateException("no source " + name);
  }

  private JsonNode incidents(String mql) throws Exception {
    return get("/api/v1/incidents?q=" + enc(mql)).path("items");
  }

  private JsonNode get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baton.url(pathAndQuery)))
        .header("Authorization", "Bearer " + READ).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
