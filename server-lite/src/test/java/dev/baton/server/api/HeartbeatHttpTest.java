package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.DatabaseRows;
import dev.baton.server.config.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring of monitoring on a real receiver and SQLite file, driven by a fake clock: Watchdog
 * alerts and heartbeat calls are heartbeats, a watched source's silence opens a no-data-for
 * incident and turns the alerts it was refreshing unknown, its return turns that alert ok.
 */
class HeartbeatHttpTest {

  static final String PROM_A = "prom-a-secret-0123456789";
  static final String PROM_B = "prom-b-secret-0123456789";
  static final String CRON = "cron-secret-0123456789";
  static final String WALL = "wall-secret-0123456789";
  static final String CONFIG = """
      tokens:
        - {name: prom-a, role: ingest, secret: %s}
        - {name: prom-b, role: ingest, secret: %s}
        - {name: cron, role: ingest, secret: %s}
        - {name: wall, role: read, secret: %s}
      sources:
        - {name: prometheus-a, token: prom-a, default_project: alpha, heartbeat: 2m, heartbeat_severity: S1}
        - {name: prometheus-b, token: prom-b, default_project: alpha, heartbeat: 2m}
        - {name: nightly-backup, heartbeat: 25h}
      projects:
        alpha: {service_level: Platinum, grouping: [alertname], non_identifying: [prometheus_replica]}
      severity:
        labels: {critical: S1, warning: S3}
      """.formatted(PROM_A, PROM_B, CRON, WALL);
  static final String[] READ = {"Authorization", "Bearer " + WALL};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aSilentSourceOpensNoDataForTurnsItsAlertsUnknownAndItsReturnTurnsThatAlertOk() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null)) {
      Instant t0 = r.clock.instant();
      send(r, PROM_A, watchdog(), alert("DiskFull", "server", "db1"));
      send(r, PROM_B, watchdog(), alert("CpuHot", "server", "web1"));

      assertEquals(List.of(List.of("CpuHot"), List.of("DiskFull")),
          DatabaseRows.query(r.server.database(), "SELECT trigger FROM alerts ORDER BY trigger"),
          "a Watchdog is a heartbeat: no alert of its own");
      assertEquals(0, incidents(r, "trigger = Watchdog").size());
      JsonNode a = source(r, "prometheus-a");
      assertEquals("ok", a.path("status").asText());
      assertEquals(t0.toString(), a.path("lastHeartbeat").asText());
      assertEquals(t0.toString(), a.path("lastMessage").asText());
      assertEquals("PT2M", a.path("heartbeat").asText());
      assertEquals(1, a.path("alertsReceived").asLong(), "the Watchdog is not counted as an alert");
      assertEquals(1, a.path("heartbeatsReceived").asLong());
      assertEquals(1, a.path("activeAlerts").asLong());

      // a resolved Watchdog (its rule removed) is no heartbeat, and no alert either
      Map<String, Object> resolved = watchdog();
      resolved.put("endsAt", t0.minusSeconds(1).toString());
      send(r, PROM_A, resolved);
      assertEquals(1, source(r, "prometheus-a").path("heartbeatsReceived").asLong());
      assertEquals(List.of(List.of(0)), DatabaseRows.query(r.server.database(),
          "SELECT count(*) FROM alerts WHERE trigger = 'Watchdog'"));

      // prometheus-b keeps beating, prometheus-a falls silent; within its interval nothing happens
      r.clock.advance(Duration.ofMinutes(1));
      send(r, PROM_B, watchdog(), alert("CpuHot", "server", "web1"));
      r.server.tick().get();
      assertEquals(0, incidents(r, "trigger = \"no-data-for\"").size());

      r.clock.advance(Duration.ofSeconds(61));
      send(r, PROM_B, watchdog(), alert("CpuHot", "server", "web1"));
      r.server.tick().get();

      JsonNode noData = only(incidents(r, "trigger = \"no-data-for\""));
      assertEquals("S1", noData.path("severity").asText(), "heartbeat_severity of the source");
      assertEquals("alpha", noData.path("project").asText(), "the source's default project");
      JsonNode detail = r.get(200, "/api/v1/incidents/" + noData.path("id").asLong(), READ);
      JsonNode noDataAlert = only(detail.path("alerts"));
      assertEquals("prometheus-a", noDataAlert.path("labels").path("source").asText());
      assertEquals("firing", noDataAlert.path("state").asText());
      assertEquals(1, incidents(r, "trigger = \"no-data-for\" AND source = \"prometheus-a\"").size(),
          "MQL's source names the silent source");
      JsonNode joined = entry(detail, "alert_joined");
      assertEquals("no_heartbeat", joined.path("detail").path("reason").asText());
      assertEquals(t0.toString(), joined.path("detail").path("last_heartbeat").asText());

      assertEquals("unknown", state(r, "DiskFull"), "silence is not health");
      assertEquals("firing", state(r, "CpuHot"), "the other source is heard");
      JsonNode why = entry(r.get(200, "/api/v1/incidents/" + only(incidents(r, "trigger = DiskFull")).path("id")
          .asLong(), READ), "alert_state");
      assertEquals("unknown", why.path("detail").path("to").asText());
      assertEquals("no_heartbeat", why.path("detail").path("reason").asText());
      assertEquals("prometheus-a", why.path("detail").path("source").asText());
      assertEquals(List.of(List.of("source_silent")), DatabaseRows.query(r.server.database(),
          "SELECT p.ended_by FROM firing_periods p JOIN alerts a ON a.id = p.alert_id WHERE a.trigger = 'DiskFull'"));

      a = source(r, "prometheus-a");
      assertEquals("missing", a.path("status").asText());
      assertEquals(t0.plus(Duration.ofMinutes(2)).toString(), a.path("missingSince").asText());
      assertEquals(1, a.path("unknownAlerts").asLong());
      assertEquals("ok", source(r, "prometheus-b").path("status").asText());
      String metrics = r.get("/metrics", READ).body();
      assertTrue(metrics.contains("baton_source_heartbeat_missing{source=\"prometheus-a\"} 1"), metrics);
      assertTrue(metrics.contains("baton_source_last_heartbeat_timestamp_seconds{source=\"prometheus-a\"} "
          + t0.getEpochSecond()), metrics);

      // more ticks while it stays silent (prometheus-b beating): still one incident, one alert
      for (int minute = 0; minute < 5; minute++) {
        r.clock.advance(Duration.ofMinutes(1));
        send(r, PROM_B, watchdog());
        r.server.tick().get();
      }
      assertEquals(1, incidents(r, "trigger = \"no-data-for\"").size());
      assertEquals(List.of(List.of(1)), DatabaseRows.query(r.server.database(),
          "SELECT count(*) FROM alerts WHERE trigger = 'no-data-for'"));

      // its Watchdog is back: the no-data-for alert turns ok; the incident stays for a person to close
      send(r, PROM_A, watchdog());
      detail = r.get(200, "/api/v1/incidents/" + noData.path("id").asLong(), READ);
      assertEquals("ok", only(detail.path("alerts")).path("state").asText());
      assertEquals("open", detail.path("card").path("status").asText());
      assertEquals("heartbeat_returned", entry(detail, "alert_state").path("detail").path("reason").asText());
      assertEquals("ok", source(r, "prometheus-a").path("status").asText());
      assertEquals("unknown", state(r, "DiskFull"), "its alerts stay unknown until they are sent again");
      send(r, PROM_A, alert("DiskFull", "server", "db1"));
      assertEquals("firing", state(r, "DiskFull"));
      assertTrue(r.get("/metrics", READ).body().contains("baton_source_heartbeat_missing{source=\"prometheus-a\"} 0"));
    }
  }

  @Test
  void anAlertAnotherReplicaStillSendsStaysFiringWhenOneSourceFallsSilent() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null)) {
      send(r, PROM_A, watchdog(), alert("DiskFull", "server", "db1", "prometheus_replica", "a"),
          alert("QueueSlow", "server", "mq1"));
      send(r, PROM_B, watchdog(), alert("DiskFull", "server", "db1", "prometheus_replica", "b"));
      r.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
      send(r, PROM_B, watchdog(), alert("DiskFull", "server", "db1", "prometheus_replica", "b"));
      r.server.tick().get();

      assertEquals(1, incidents(r, "trigger = \"no-data-for\" AND source = \"prometheus-a\"").size());
      assertEquals("firing", state(r, "DiskFull"), "prometheus-b refreshed it after prometheus-a fell silent");
      assertEquals("unknown", state(r, "QueueSlow"), "only prometheus-a sent it");
    }
  }

  @Test
  void heartbeatCallsNameAConfiguredSourceWithTheRightToken() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null)) {
      assertEquals("never_seen", source(r, "nightly-backup").path("status").asText());

      HttpResponse<String> beat = r.post("/api/v1/heartbeat/nightly-backup", "", "Authorization", "Bearer " + CRON);
      assertEquals(200, beat.statusCode(), beat.body());
      JsonNode info = r.json(beat);
      assertEquals("nightly-backup", info.path("name").asText());
      assertEquals("ok", info.path("status").asText());
      assertEquals(r.clock.instant().toString(), info.path("lastHeartbeat").asText());
      assertEquals(1, info.path("heartbeatsReceived").asLong());
      assertTrue(info.path("lastMessage").isNull(), "a heartbeat call is not a stored message");

      HttpResponse<String> unknown = r.post("/api/v1/heartbeat/nope", "", "Authorization", "Bearer " + CRON);
      assertEquals(404, unknown.statusCode());
      assertTrue(r.json(unknown).path("message").asText().contains("no source named 'nope'"), unknown.body());
      assertTrue(r.json(unknown).path("message").asText().contains("nightly-backup"), "lists the configured ones");
      assertEquals(405, r.send("GET", "/api/v1/heartbeat/nightly-backup", "Authorization", "Bearer " + CRON)
          .statusCode());
      assertEquals(405, r.post("/api/v1/sources", "", READ).statusCode());
      assertEquals(401, r.post("/api/v1/heartbeat/nightly-backup", "").statusCode());
      assertEquals(403, r.post("/api/v1/heartbeat/nightly-backup", "", READ).statusCode(), "read may not beat");
      HttpResponse<String> other = r.post("/api/v1/heartbeat/prometheus-b", "", "Authorization", "Bearer " + PROM_A);
      assertEquals(403, other.statusCode(), "one source may not hide another's silence");
      assertTrue(r.json(other).path("message").asText().contains("sends as source 'prometheus-a'"), other.body());
      assertEquals(200, r.post("/api/v1/heartbeat/prometheus-a", "", "Authorization", "Bearer " + PROM_A)
          .statusCode());
      assertEquals(1, source(r, "prometheus-a").path("heartbeatsReceived").asLong());
      assertEquals(0, source(r, "prometheus-b").path("heartbeatsReceived").asLong());
      assertEquals(401, r.get("/api/v1/sources").statusCode());
    }
  }

  @Test
  void aWatchedSourceNeverHeardOfOpensNoDataForOneIntervalAfterTheReceiverStarted() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null)) {
      send(r, PROM_A, watchdog());
      r.clock.advance(Duration.ofMinutes(2));
      send(r, PROM_A, watchdog());
      r.server.tick().get();
      assertEquals(0, incidents(r, "trigger = \"no-data-for\"").size(), "exactly one interval is not missing yet");
      assertEquals("never_seen", source(r, "prometheus-b").path("status").asText());

      r.clock.advance(Duration.ofSeconds(1));
      r.server.tick().get();
      JsonNode noData = only(incidents(r, "trigger = \"no-data-for\""));
      assertEquals("S2", noData.path("severity").asText(), "the default severity of no-data-for");
      assertEquals(1, incidents(r, "source = \"prometheus-b\"").size());
      assertEquals("missing", source(r, "prometheus-b").path("status").asText());
      assertEquals("ok", source(r, "prometheus-a").path("status").asText());
    }
  }

  @Test
  void aRestartRemembersHeartbeatsAndOpensNoSecondIncident() throws Exception {
    Instant t0;
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null)) {
      t0 = r.clock.instant();
      send(r, PROM_A, watchdog(), alert("DiskFull", "server", "db1"));
      send(r, PROM_B, watchdog());
      r.clock.advance(Duration.ofMinutes(3));
      send(r, PROM_B, watchdog());
      r.server.tick().get();
      assertEquals(1, incidents(r, "trigger = \"no-data-for\"").size());
    }
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null, t0.plus(Duration.ofMinutes(10)))) {
      JsonNode a = source(r, "prometheus-a");
      assertEquals("missing", a.path("status").asText());
      assertEquals(t0.toString(), a.path("lastHeartbeat").asText());
      assertEquals(1, a.path("alertsReceived").asLong());
      assertEquals(t0.plus(Duration.ofMinutes(3)).toString(), source(r, "prometheus-b").path("lastHeartbeat").asText());
      r.server.tick().get();
      r.clock.advance(Duration.ofMinutes(3));
      send(r, PROM_B, watchdog());
      r.server.tick().get();
      assertEquals(1, incidents(r, "trigger = \"no-data-for\"").size(), "no duplicate after the restart");
      assertEquals(List.of(List.of(1)), DatabaseRows.query(r.server.database(),
          "SELECT count(*) FROM alerts WHERE trigger = 'no-data-for'"));

      send(r, PROM_A, watchdog());
      JsonNode noData = only(incidents(r, "trigger = \"no-data-for\""));
      JsonNode detail = r.get(200, "/api/v1/incidents/" + noData.path("id").asLong(), READ);
      assertEquals("ok", only(detail.path("alerts")).path("state").asText(), "the same alert turns ok");
    }
  }

  @Test
  void aReceiverDownLongerThanTheIntervalGivesSourcesAFullIntervalOnceBack() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null)) {
      send(r, PROM_A, watchdog());
      send(r, PROM_B, watchdog());
    }
    Instant back = ApiReceiver.T0.plus(Duration.ofHours(1));
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, null, back)) {
      r.server.tick().get();
      r.clock.advance(Duration.ofMinutes(1));
      send(r, PROM_B, watchdog());
      r.server.tick().get();
      assertEquals(0, incidents(r, "trigger = \"no-data-for\"").size(), "the receiver's own downtime is not their silence");
      assertEquals(ApiReceiver.T0.toString(), source(r, "prometheus-a").path("lastHeartbeat").asText());

      r.clock.set(back.plus(Duration.ofMinutes(2)).plusSeconds(1));
      r.server.tick().get();
      assertEquals(1, incidents(r, "trigger = \"no-data-for\" AND source = \"prometheus-a\"").size());
      assertEquals(0, incidents(r, "source = \"prometheus-b\"").size());
    }
  }

  @Test
  void aReloadWatchesFromWhenItAppliesAndASourceNoLongerWatchedHasItsNoDataForAlertTurnOk() throws Exception {
    String tokens = """
        tokens:
          - {name: prom-a, role: ingest, secret: %s}
          - {name: prom-b, role: ingest, secret: %s}
          - {name: wall, role: read, secret: %s}
        """.formatted(PROM_A, PROM_B, WALL);
    Path file = Files.writeString(dir.resolve("baton.yml"), tokens + """
        sources:
          - {name: prometheus-a, token: prom-a, heartbeat: 2m}
          - {name: prometheus-b, token: prom-b}
        """);
    try (ApiReceiver r = new ApiReceiver(dir, ConfigSource.of(file))) {
      Instant t0 = r.clock.instant();
      send(r, PROM_A, watchdog());
      r.clock.advance(Duration.ofMinutes(1));
      send(r, PROM_B, watchdog());
      r.clock.advance(Duration.ofSeconds(61));
      r.server.tick().get();
      JsonNode noData = only(incidents(r, "trigger = \"no-data-for\" AND source = \"prometheus-a\""));
      assertEquals("unwatched", source(r, "prometheus-b").path("status").asText(), "no interval: never missing");

      // prometheus-a is no longer watched, prometheus-b is watched from now on
      Files.writeString(file, tokens + """
          sources:
            - {name: prometheus-a, token: prom-a}
            - {name: prometheus-b, token: prom-b, heartbeat: 1m}
          """);
      r.clock.advance(Duration.ofSeconds(1));
      Instant reloaded = r.clock.instant();
      assertTrue(r.server.reloadConfig().applied());
      r.server.tick().get();
      JsonNode detail = r.get(200, "/api/v1/incidents/" + noData.path("id").asLong(), READ);
      assertEquals("ok", only(detail.path("alerts")).path("state").asText());
      assertEquals("no_longer_watched", entry(detail, "alert_state").path("detail").path("reason").asText());
      assertEquals("unwatched", source(r, "prometheus-a").path("status").asText());
      assertEquals(t0.plus(Duration.ofMinutes(1)).toString(), source(r, "prometheus-b").path("lastHeartbeat").asText());

      r.clock.set(reloaded.plus(Duration.ofMinutes(1)));
      r.server.tick().get();
      assertEquals(0, incidents(r, "source = \"prometheus-b\"").size(),
          "its last heartbeat is older than its new interval, but it is watched since the reload");
      r.clock.advance(Duration.ofSeconds(1));
      r.server.tick().get();
      assertEquals(1, incidents(r, "trigger = \"no-data-for\" AND source = \"prometheus-b\"").size());
    }
  }

  private static Map<String, Object> watchdog() {
    return alert("Watchdog", "severity", "none");
  }

  /** An alert as Prometheus sends it: labels as name, value, …; severity critical; refreshed, ending in an hour. */
  private static Map<String, Object> alert(String alertname, String... labels) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("alertname", alertname);
    map.put("severity", "critical");
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", map);
    alert.put("annotations", Map.of("summary", alertname));
    return alert;
  }

  @SafeVarargs
  private static void send(ApiReceiver r, String token, Map<String, Object>... alerts) throws Exception {
    List<Map<String, Object>> body = new ArrayList<>();
    for (Map<String, Object> a : alerts) {
      Map<String, Object> timed = new LinkedHashMap<>(a);
      timed.put("startsAt", r.clock.instant().minusSeconds(30).toString());
      timed.putIfAbsent("endsAt", r.clock.instant().plus(Duration.ofHours(1)).toString());
      body.add(timed);
    }
    HttpResponse<String> answer = r.post("/api/v2/alerts", JSON.writeValueAsString(body),
        "Authorization", "Bearer " + token);
    assertEquals(200, answer.statusCode(), answer.body());
  }

  private static JsonNode source(ApiReceiver r, String name) throws Exception {
    for (JsonNode s : r.get(200, "/api/v1/sources", READ).path("sources")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no source " + name + " in GET /api/v1/sources");
  }

  private static JsonNode incidents(ApiReceiver r, String mql) throws Exception {
    return r.get(200, "/api/v1/incidents?q=" + ApiReceiver.enc(mql), READ).path("items");
  }

  private static String state(ApiReceiver r, String trigger) throws Exception {
    List<List<Object>> rows = DatabaseRows.query(r.server.database(),
        "SELECT state FROM alerts WHERE trigger = '" + trigger + "'");
    assertEquals(1, rows.size(), trigger + ": " + rows);
    return (String) rows.get(0).get(0);
  }

  private static JsonNode only(JsonNode array) {
    assertEquals(1, array.size(), array.toString());
    return array.get(0);
  }

  /** The last timeline entry of that kind. */
  private static JsonNode entry(JsonNode detail, String kind) {
    JsonNode found = null;
    for (JsonNode e : detail.path("timeline")) {
      if (e.path("kind").asText().equals(kind)) {
        found = e;
      }
    }
    assertNotNull(found, "no " + kind + " entry in " + detail.path("timeline"));
    return found;
  }
}
