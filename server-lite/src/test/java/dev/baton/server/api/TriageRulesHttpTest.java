package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.MutableClock;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triage rules ({@code triage:} in baton.yml) applied by the writer on a real receiver with a
 * SQLite file and a fake clock: each action, its timeline entry naming the rule, and a reload.
 */
class TriageRulesHttpTest {

  static final String TRIAGE = """
      teams:
        dba: {}
      triage:
        - {name: quiet-noise, mql: 'severity >= S5', action: close_if_ok_before_taken}
        - {mql: 'trigger = DiskFull', action: set_severity, severity: S2}
        - {name: databases, mql: '~service = postgres', action: route, to: '#dba'}
        - {name: follow-the-node, mql: 'project = alpha', action: attach_to_cause}
        - {mql: 'trigger = DiskFull', action: set_severity, severity: S7}
      """;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  ApiReceiver r;

  @BeforeEach
  void start() throws Exception {
    r = new ApiReceiver(dir, TRIAGE);
  }

  @AfterEach
  void stop() {
    if (r != null) {
      r.close();
    }
  }

  @Test
  void anUntakenIncidentWhoseAlertsAreAllOkClosesItself() throws Exception {
    long chatty = fire("Chatty", "beta", "info", Map.of());
    long loud = fire("Loud", "beta", "critical", Map.of());
    long taken = fire("Watched", "beta", "info", Map.of());
    assertEquals(200, r.post("/api/v1/incidents/" + taken + "/take", "").statusCode());
    r.clock.advance(Duration.ofMinutes(3));
    for (String trigger : List.of("Chatty", "Loud", "Watched")) {
      r.resolve("alertname", trigger, "project", "beta", "severity", trigger.equals("Loud") ? "critical" : "info");
    }

    JsonNode closed = detail(chatty);
    assertEquals("closed", closed.path("card").path("status").asText());
    JsonNode triaged = entry(closed, "triaged");
    assertEquals("quiet-noise", triaged.path("detail").path("rule").asText());
    assertEquals("severity >= S5", triaged.path("detail").path("mql").asText());
    assertEquals("close_if_ok_before_taken", triaged.path("detail").path("action").asText());
    assertEquals("triage:quiet-noise", entry(closed, "closed").path("actor").asText());
    assertEquals("open", detail(loud).path("card").path("status").asText(), "S1: the rule does not match");
    assertEquals("taken", detail(taken).path("card").path("status").asText(), "somebody took it: it stays");

    JsonNode noise = r.get(200, "/api/v1/reports/sla").path("noise");
    assertEquals(1, noise.path("closedAsNoise").asLong());
    assertEquals(1, noise.path("closedByTriage").asLong());
  }

  @Test
  void aNewIncidentGetsItsSeverityAndHolderFromTheFirstMatchingRules() throws Exception {
    long disk = fire("DiskFull", "alpha", "warning", Map.of());
    JsonNode d = detail(disk);
    assertEquals("S2", d.path("card").path("severity").asText(), "the first set_severity rule wins, not the S7 one");
    assertEquals("PT5M", d.path("card").path("sla").path("responseTime").asText(), "Platinum S2");
    JsonNode set = entry(d, "severity_set");
    assertEquals("triage:triage[1]", set.path("actor").asText());
    assertEquals("S3", set.path("detail").path("from").asText());
    assertEquals("triage[1]", entry(d, "triaged").path("detail").path("rule").asText());

    long db = fire("SlowQueries", "beta", "warning", Map.of(), "service", "postgres");
    JsonNode routed = detail(db);
    assertEquals("#dba", routed.path("card").path("holder").asText());
    assertEquals(List.of("#l1", "#dba"), texts(routed.path("card").path("holderChain")));
    assertEquals("databases", entry(routed, "triaged").path("detail").path("rule").asText());
    assertEquals("#dba", entry(routed, "triaged").path("detail").path("to").asText());
    assertEquals("triage:databases", entry(routed, "handed_over").path("actor").asText());

    long plain = fire("ConnectionsHigh", "beta", "warning", Map.of(), "service", "mysql");
    assertEquals("#l1", detail(plain).path("card").path("holder").asText());
    assertNull(entry(detail(plain), "triaged"));
  }

  @Test
  void anAlertNamingItsCauseJoinsTheCausesIncident() throws Exception {
    long node = fire("NodeDown", "alpha", "critical", Map.of());
    postAlert("PodCrashLooping", "alpha", "warning", Map.of("baton_caused_by", "NodeDown"), "pod", "api-1");
    postAlert("DiskLatency", "alpha", "warning", Map.of("baton_caused_by", "incident:" + node));
    assertEquals(0, incidents("trigger = PodCrashLooping").size(), "no incident of its own");
    assertEquals(0, incidents("trigger = DiskLatency").size());
    JsonNode cause = detail(node);
    assertEquals(3, cause.path("card").path("alertCount").asInt());
    List<JsonNode> attached = entries(cause, "triaged");
    assertEquals(2, attached.size());
    assertEquals("follow-the-node", attached.get(0).path("detail").path("rule").asText());
    assertEquals("attach_to_cause", attached.get(0).path("detail").path("action").asText());
    assertEquals("NodeDown", attached.get(0).path("detail").path("caused_by").asText());

    String fingerprint = entries(cause, "alert_joined").get(0).path("detail").path("fingerprint").asText();
    postAlert("NetworkFlaps", "alpha", "warning", Map.of("baton_caused_by", fingerprint));
    assertEquals(4, detail(node).path("card").path("alertCount").asInt(), "named by the causing alert's fingerprint");

    postAlert("PodCrashLooping", "beta", "warning", Map.of("baton_caused_by", "NodeDown"));
    assertEquals(1, incidents("trigger = PodCrashLooping").size(), "beta: the rule does not match, so its own");
    postAlert("Orphan", "alpha", "warning", Map.of("baton_caused_by", "NothingLikeThis"));
    assertEquals(1, incidents("trigger = Orphan").size(), "a cause with no open incident: its own");
  }

  @Test
  void anAlertOpenedByTheClockAfterItsPendingDelayJoinsItsCauseToo() throws Exception {
    r.close();
    r = new ApiReceiver(dir.resolve("pending"), TRIAGE + "pending: {S6: 1m}\n");
    long node = fire("NodeDown", "alpha", "critical", Map.of());
    postAlert("LogVolume", "alpha", "info", Map.of("baton_caused_by", "NodeDown"));
    r.clock.advance(Duration.ofSeconds(61));
    r.server.tick().get();
    assertEquals(0, incidents("trigger = LogVolume").size());
    JsonNode cause = detail(node);
    assertEquals(2, cause.path("card").path("alertCount").asInt());
    assertNotNull(entry(cause, "triaged"));
  }

  @Test
  void reloadedRulesApplyToWhatComesNext() throws Exception {
    r.close();
    r = null;
    Path file = Files.writeString(dir.resolve("baton.yml"), ApiReceiver.CONFIG);
    ConfigSource source = ConfigSource.of(file);
    MutableClock clock = new MutableClock(ApiReceiver.T0);
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("reload.db"))
        .withConfig(source.load()).withConfigSource(source).withClock(clock).withTickInterval(Duration.ZERO))) {
      HttpClient http = HttpClient.newHttpClient();
      post(http, server, "/api/v2/alerts", alerts("Chatty", "beta", "info", null));
      post(http, server, "/api/v2/alerts", alerts("Chatty", "beta", "info", clock.instant().minusSeconds(1).toString()));
      assertEquals("open", status(http, server, "Chatty"));

      Files.writeString(file, ApiReceiver.CONFIG + TRIAGE);
      assertEquals(200, post(http, server, "/api/v1/admin/reload", "").statusCode());
      post(http, server, "/api/v2/alerts", alerts("Chattier", "beta", "info", null));
      post(http, server, "/api/v2/alerts", alerts("Chattier", "beta", "info", clock.instant().minusSeconds(1).toString()));
      assertEquals("closed", status(http, server, "Chattier"));

      Files.writeString(file, ApiReceiver.CONFIG + "triage:\n  - {mql: 'severity >= S5', action: close}\n");
      HttpResponse<String> rejected = post(http, server, "/api/v1/admin/reload", "");
      assertEquals(400, rejected.statusCode());
      assertEquals("triage[0].action: expected one of close_if_ok_before_taken, set_severity, route, attach_to_cause,"
          + " got 'close'", JSON.readTree(rejected.body()).path("problems").get(0).asText());
      post(http, server, "/api/v2/alerts", alerts("Chattiest", "beta", "info", null));
      post(http, server, "/api/v2/alerts", alerts("Chattiest", "beta", "info", clock.instant().minusSeconds(1).toString()));
      assertEquals("closed", status(http, server, "Chattiest"), "the running rules stay");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String alerts(String trigger, String project, String severity, String endsAt) throws Exception {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", Map.of("alertname", trigger, "project", project, "severity", severity));
    if (endsAt != null) {
      alert.put("endsAt", endsAt);
    }
    return JSON.writeValueAsString(List.of(alert));
  }

  private static HttpResponse<String> post(HttpClient http, BatonServer server, String path, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String status(HttpClient http, BatonServer server, String trigger) throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/incidents?status=open,taken,snoozed,closed&q="
        + ApiReceiver.enc("trigger = " + trigger))).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode items = JSON.readTree(page.body()).path("items");
    assertEquals(1, items.size(), page.body());
    return items.get(0).path("status").asText();
  }

  /** Fires an alert (labels given as extra name, value, …) and answers its incident's id. */
  private long fire(String trigger, String project, String severity, Map<String, String> annotations,
      String... labels) throws Exception {
    postAlert(trigger, project, severity, annotations, labels);
    List<JsonNode> found = incidents("trigger = " + trigger + " AND project = " + project
        + (labels.length == 0 ? "" : " AND ~" + labels[0] + " = " + labels[1]));
    assertEquals(1, found.size());
    return found.get(0).path("id").asLong();
  }

  private void postAlert(String trigger, String project, String severity, Map<String, String> annotations,
      String... labels) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(Map.of("alertname", trigger, "project", project, "severity", severity));
    for (int k = 0; k < labels.length; k += 2) {
      all.put(labels[k], labels[k + 1]);
    }
    HttpResponse<String> answer = r.post("/api/v2/alerts", JSON.writeValueAsString(List.of(Map.of("labels", all,
        "annotations", annotations))));
    assertEquals(200, answer.statusCode(), answer.body());
  }

  private List<JsonNode> incidents(String mql) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    r.get(200, "/api/v1/incidents?status=open,taken,snoozed,closed&q=" + ApiReceiver.enc(mql)).path("items").forEach(out::add);
    return out;
  }

  private JsonNode detail(long id) throws Exception {
    return r.get(200, "/api/v1/incidents/" + id);
  }

  private static JsonNode entry(JsonNode detail, String kind) {
    List<JsonNode> all = entries(detail, kind);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  private static List<JsonNode> entries(JsonNode detail, String kind) {
    List<JsonNode> found = new ArrayList<>();
    detail.path("timeline").forEach(e -> {
      if (e.path("kind").asText().equals(kind)) {
        found.add(e);
      }
    });
    return found;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
