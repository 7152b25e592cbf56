package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing when an incident opens, escalation per team on the clock's tick, and shift handover: a
 * real receiver on a real SQLite file, driven by a fake clock.
 */
class OnCallPolicyHttpTest {

  static final String ALICE = "alice-secret-0123456789";
  static final String BOB = "bob-secret-0123456789";
  static final String PROM = "prom-secret-0123456789";
  static final String CONFIG = """
      tokens:
        - {name: alice, role: operate, secret: %s}
        - {name: bob, role: operate, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      projects:
        alpha: {service_level: Platinum}
        beta: {service_level: Gold, default_holder: "#bravo"}
      teams:
        l1:
          members: [alice]
          escalation: ["#bravo", "@dmitry.kosobokov"]
        bravo:
          members: [bob, dmitry.kosobokov]
      routing:
        - 'project = alpha AND ~server = gitlab -> @vasiliy.vasiliyev'
        - {name: databases, rule: 'project = alpha AND trigger =~ ^Db -> #l1, #bravo'}
      severity:
        labels: {critical: S1, warning: S3, info: S6}
      pending: {S3: 1m}
      """.formatted(ALICE, BOB, PROM);

  @TempDir
  Path dir;
  ApiReceiver r;

  @BeforeEach
  void start() throws Exception {
    r = new ApiReceiver(dir, CONFIG, PROM);
  }

  @AfterEach
  void stop() {
    r.close();
  }

  @Test
  void theFirstMatchingRuleRoutesANewIncidentAndTheTimelineNamesIt() throws Exception {
    long gitlab = open("GitlabDown", "project", "alpha", "severity", "critical", "server", "gitlab");
    JsonNode card = card(gitlab);
    assertEquals("@vasiliy.vasiliyev", card.path("holder").asText());
    assertEquals(List.of("@vasiliy.vasiliyev"), texts(card.path("holderChain")));
    JsonNode routed = entry(gitlab, "routed");
    assertEquals("routing[0]", routed.path("detail").path("rule").asText());
    assertEquals("project = alpha AND ~server = gitlab -> @vasiliy.vasiliyev", routed.path("detail").path("mql").asText());
    assertEquals("baton", routed.path("actor").asText());

    long db = open("DbReplicationLag", "project", "alpha", "severity", "critical", "server", "db1");
    assertEquals("#bravo", card(db).path("holder").asText());
    assertEquals(List.of("#l1", "#bravo"), texts(card(db).path("holderChain")));
    assertEquals("databases", entry(db, "routed").path("detail").path("rule").asText());
    assertEquals(List.of("#l1", "#bravo"), texts(entry(db, "routed").path("detail").path("chain")));

    long other = open("DiskFull", "project", "alpha", "severity", "critical");
    assertEquals(List.of("#l1"), texts(card(other).path("holderChain")));
    assertEquals(null, entry(other, "routed"));
    long beta = open("DiskFull", "project", "beta", "severity", "critical", "server", "gitlab");
    assertEquals(List.of("#bravo"), texts(card(beta).path("holderChain")), "no rule matches beta: its default holder");
  }

  @Test
  void anIncidentOpenedByTheClockAfterItsPendingDelayIsRoutedByItsAlertsLabels() throws Exception {
    r.fire("alertname", "GitlabSlow", "project", "alpha", "severity", "warning", "server", "gitlab");
    assertEquals(0, r.get(200, "/api/v1/incidents?q=" + ApiReceiver.enc("trigger = GitlabSlow"), READ)
        .path("items").size());
    r.clock.advance(Duration.ofSeconds(61));
    r.server.tick().get();
    long id = incident("GitlabSlow", "alpha");
    assertEquals("@vasiliy.vasiliyev", card(id).path("holder").asText());
    assertEquals("routing[0]", entry(id, "routed").path("detail").path("rule").asText());
  }

  @Test
  void anUrgentIncidentNotTakenInTimeMovesDownItsTeamsEscalationList() throws Exception {
    long id = open("DiskFull", "project", "alpha", "severity", "critical");   // Platinum S1: 1 minute
    long taken = open("QueueStuck", "project", "alpha", "severity", "critical");
    long async = open("NightlyBackup", "project", "alpha", "severity", "info"); // S6: async
    assertEquals(200, act(ALICE, taken, "take", "").statusCode());

    r.clock.advance(Duration.ofSeconds(59));
    r.server.tick().get();
    assertEquals("#l1", card(id).path("holder").asText());

    r.clock.advance(Duration.ofSeconds(2));
    r.server.tick().get();
    JsonNode card = card(id);
    assertEquals("#bravo", card.path("holder").asText());
    assertEquals("open", card.path("status").asText());
    JsonNode escalated = entry(id, "escalated");
    assertEquals("#l1", escalated.path("detail").path("from").asText());
    assertEquals("#bravo", escalated.path("detail").path("to").asText());
    assertEquals("teams.l1.escalation[0]", escalated.path("detail").path("rule").asText());
    assertEquals("2026-11-21T10:01:00Z", escalated.path("detail").path("not_taken_by").asText());

    r.clock.advance(Duration.ofSeconds(30));
    r.server.tick().get();
    assertEquals("#bravo", card(id).path("holder").asText(), "the next step waits another response time");
    r.clock.advance(Duration.ofSeconds(31));
    r.server.tick().get();
    assertEquals(List.of("#l1", "#bravo", "@dmitry.kosobokov"), texts(card(id).path("holderChain")));
    r.clock.advance(Duration.ofHours(2));
    r.server.tick().get();
    assertEquals(List.of("#l1", "#bravo", "@dmitry.kosobokov"), texts(card(id).path("holderChain")),
        "the end of the list: it stays");
    assertEquals(2, entries(id, "escalated").size());

    assertEquals("@alice", card(taken).path("holder").asText(), "a taken incident is not escalated");
    assertEquals(List.of("#l1"), texts(card(async).path("holderChain")), "async incidents wait in their queue");
  }

  @Test
  void handingOverAnIncidentToATeamGivesThatTeamAWholeStep() throws Exception {
    long id = open("DiskFull", "project", "alpha", "severity", "critical");
    assertEquals(200, act(ALICE, id, "take", "").statusCode());
    r.clock.advance(Duration.ofMinutes(5));
    assertEquals(200, act(ALICE, id, "handover", "{\"to\": \"#l1\", \"comment\": \"not mine\"}").statusCode());
    r.server.tick().get();
    assertEquals("#l1", card(id).path("holder").asText(), "overdue, but #l1 just got it");
    r.clock.advance(Duration.ofSeconds(61));
    r.server.tick().get();
    assertEquals("#bravo", card(id).path("holder").asText());
  }

  @Test
  void shiftHandoverPassesEveryIncidentAPersonHoldsInOneStep() throws Exception {
    long a = open("DiskFull", "project", "alpha", "severity", "critical");
    long b = open("QueueStuck", "project", "alpha", "severity", "critical");
    long c = open("CpuHot", "project", "alpha", "severity", "critical");
    assertEquals(200, act(ALICE, a, "take", "").statusCode());
    assertEquals(200, act(ALICE, b, "take", "").statusCode());
    assertEquals(200, act(BOB, c, "take", "").statusCode());

    HttpResponse<String> answer = shift(ALICE, "{\"from\": \"alice\", \"to\": \"@bob\", \"comment\": \"end of my shift\"}");
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode result = r.json(answer);
    assertEquals("@alice", result.path("from").asText());
    assertEquals(List.of(a, b), longs(result.path("incidents")));
    for (long id : List.of(a, b)) {
      JsonNode card = card(id);
      assertEquals("@bob", card.path("holder").asText());
      assertEquals("open", card.path("status").asText(), "bob has to take it");
      JsonNode handed = entry(id, "handed_over");
      assertEquals("alice", handed.path("actor").asText());
      assertEquals("end of my shift", handed.path("detail").path("comment").asText());
    }
    assertEquals("@bob", card(c).path("holder").asText());
    assertEquals(List.of(), longs(r.json(shift(ALICE, "{\"from\": \"@alice\", \"to\": \"#l1\", \"comment\": \"x\"}"))
        .path("incidents")), "alice holds nothing any more");

    assertEquals("from", r.json(shift(ALICE, "{\"to\": \"@bob\", \"comment\": \"x\"}")).path("parameter").asText());
    assertEquals("to", r.json(shift(ALICE, "{\"from\": \"bob\", \"to\": \"bob\", \"comment\": \"x\"}"))
        .path("parameter").asText());
    assertEquals("comment", r.json(shift(ALICE, "{\"from\": \"bob\", \"to\": \"@alice\"}")).path("parameter").asText());
    assertEquals(403, shift(PROM, "{\"from\": \"bob\", \"to\": \"@alice\", \"comment\": \"x\"}").statusCode());
  }

  private static final String[] READ = {"Authorization", "Bearer " + ALICE};

  private long open(String trigger, String... labels) throws Exception {
    String[] all = new String[labels.length + 2];
    all[0] = "alertname";
    all[1] = trigger;
    System.arraycopy(labels, 0, all, 2, labels.length);
    r.fire(all);
    String project = labels[1];
    return incident(trigger, project);
  }

  private long incident(String trigger, String project) throws Exception {
    JsonNode page = r.get(200, "/api/v1/incidents?q="
        + ApiReceiver.enc("trigger = " + trigger + " AND project = " + project), READ);
    assertEquals(1, page.path("items").size(), page.toString());
    return page.path("items").get(0).path("id").asLong();
  }

  private JsonNode card(long id) throws Exception {
    return detail(id).path("card");
  }

  private JsonNode detail(long id) throws Exception {
    return r.get(200, "/api/v1/incidents/" + id, READ);
  }

  /** The last timeline entry of a kind, or null. */
  private JsonNode entry(long id, String kind) throws Exception {
    List<JsonNode> all = entries(id, kind);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  private List<JsonNode> entries(long id, String kind) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    detail(id).path("timeline").forEach(e -> {
      if (e.path("kind").asText().equals(kind)) {
        found.add(e);
      }
    });
    return found;
  }

  private HttpResponse<String> act(String token, long id, String action, String body) throws Exception {
    return r.post("/api/v1/incidents/" + id + "/" + action, body, "Authorization", "Bearer " + token);
  }

  private HttpResponse<String> shift(String token, String body) throws Exception {
    return r.post("/api/v1/shift/handover", body, "Authorization", "Bearer " + token);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
