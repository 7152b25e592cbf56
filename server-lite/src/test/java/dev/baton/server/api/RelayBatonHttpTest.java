package dev.baton.server.api;

import static dev.baton.server.api.ApiReceiver.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.DatabaseRows;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay baton over real HTTP and a real SQLite file, with tokens: one holder at every moment,
 * take and handover, If-Match, and who may act.
 */
class RelayBatonHttpTest {

  static final String ALICE = "alice-secret-0123456789";
  static final String BOB = "bob-secret-0123456789";
  static final String WALL = "wall-secret-0123456789";
  static final String PROM = "prom-secret-0123456789";
  static final String ROOT = "root-secret-0123456789";
  static final String CONFIG = """
      tokens:
        - {name: alice, role: operate, secret: %s}
        - {name: bob, role: operate, secret: %s}
        - {name: wall, role: read, secret: %s}
        - {name: prom, role: ingest, secret: %s}
        - {name: root, role: admin, secret: %s}
      projects:
        alpha: {service_level: Platinum}
        beta: {service_level: Gold, default_holder: "#bravo"}
      teams:
        bravo: {members: [bob]}
      severity:
        labels: {critical: S1, warning: S3, info: S6}
        default: S6
      """.formatted(ALICE, BOB, WALL, PROM, ROOT);

  @TempDir
  Path dir;
  ApiReceiver r;

  @AfterEach
  void stop() {
    if (r != null) {
      r.close();
    }
  }

  private void start() throws Exception {
    r = new ApiReceiver(dir, CONFIG, PROM);
  }

  private long open(String project, String trigger) throws Exception {
    r.fire("alertname", trigger, "project", project, "severity", "critical", "instance", "db1");
    return ((Number) rows("SELECT id FROM incidents WHERE trigger = '" + trigger + "' AND project = '" + project
        + "' AND closed_at IS NULL").get(0).get(0)).longValue();
  }

  private HttpResponse<String> act(String token, long id, String action, String body, String... headers)
      throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + token;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return r.post("/api/v1/incidents/" + id + "/" + action, body, all);
  }

  private JsonNode ok(HttpResponse<String> answer) throws Exception {
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode card = r.json(answer);
    assertEquals("\"" + card.get("version").asLong() + "\"", answer.headers().firstValue("ETag").orElse(null));
    return card;
  }

  private JsonNode refused(int status, HttpResponse<String> answer) throws Exception {
    assertEquals(status, answer.statusCode(), answer.body());
    return r.json(answer);
  }

  private List<List<Object>> rows(String sql) throws Exception {
    return DatabaseRows.query(r.server.database(), sql);
  }

  private long timelineCount(long id) throws Exception {
    return ((Number) rows("SELECT count(*) FROM timeline WHERE incident_id = " + id).get(0).get(0)).longValue();
  }

  @Test
  void newIncidentsHaveTheirProjectsDefaultHolder() throws Exception {
    start();
    long alpha = open("alpha", "DiskFull");
    long beta = open("beta", "DiskFull");
    assertEquals(List.of(List.of("#l1", "[\"#l1\"]", "open")),
        rows("SELECT holder, holder_chain, status FROM incidents WHERE id = " + alpha));
    assertEquals(List.of(List.of("#bravo", "[\"#bravo\"]", "open")),
        rows("SELECT holder, holder_chain, status FROM incidents WHERE id = " + beta));
  }

  @Test
  void takeMakesTheActorTheOnlyHolder() throws Exception {
    start();
    long id = open("alpha", "DiskFull");
    JsonNode card = ok(act(ALICE, id, "take", ""));
    assertEquals("taken", card.get("status").asText());
    assertEquals("@alice", card.get("holder").asText());
    assertEquals("alice", card.get("assignee").asText());
    assertEquals("[\"#l1\",\"@alice\"]", card.get("holderChain").toString());
    List<Object> row = rows("SELECT t.actor, t.kind, t.detail, i.taken_at FROM timeline t JOIN incidents i"
        + " ON i.id = t.incident_id WHERE t.incident_id = " + id + " ORDER BY t.id DESC LIMIT 1").get(0);
    assertEquals("alice", row.get(0));
    assertEquals("taken", row.get(1));
    assertEquals("{\"from\":\"#l1\",\"to\":\"@alice\"}", row.get(2));
    assertEquals(ApiReceiver.T0.toEpochMilli(), ((Number) row.get(3)).longValue());

    JsonNode conflict = refused(409, act(BOB, id, "take", "{}"));
    assertEquals("@alice", conflict.get("holder").asText());
    assertEquals(card.get("version").asLong(), conflict.get("version").asLong());
    assertTrue(conflict.get("message").asText().contains("held by @alice"), conflict.toString());
    assertEquals("[\"#l1\",\"@alice\"]", rows("SELECT holder_chain FROM incidents WHERE id = " + id).get(0).get(0));

    JsonNode again = ok(act(ALICE, id, "take", ""));
    assertEquals(card.get("version").asLong(), again.get("version").asLong(), "taking what one holds changes nothing");
  }

  @Test
  void handoverPassesTheBatonWhichTheNewHolderMustTake() throws Exception {
    start();
    long id = open("alpha", "DiskFull");
    ok(act(ALICE, id, "take", ""));
    JsonNode card = ok(act(ALICE, id, "handover", "{\"to\": \"#bravo\", \"comment\": \"network, not disk\"}"));
    assertEquals("open", card.get("status").asText());
    assertEquals("#bravo", card.get("holder").asText());
    assertTrue(card.get("assignee").isNull());
    assertEquals("[\"#l1\",\"@alice\",\"#bravo\"]", card.get("holderChain").toString());
    ok(act(BOB, id, "take", ""));
    JsonNode toCarol = ok(act(BOB, id, "handover", "{\"to\": \"@carol\", \"comment\": \"your service\"}"));
    assertEquals("@carol", toCarol.get("holder").asText());
    assertEquals("open", toCarol.get("status").asText(), "carol must take it herself");
    JsonNode detail = r.json(act(ALICE, id, "comment", "{\"text\": \"carol is on it\"}"));
    assertEquals("[\"#l1\",\"@alice\",\"#bravo\",\"@bob\",\"@carol\"]", detail.get("holderChain").toString());
    assertEquals(List.of(List.of("handed_over", "bob", "{\"from\":\"@bob\",\"to\":\"@carol\",\"comment\":\"your service\"}")),
        rows("SELECT kind, actor, detail FROM timeline WHERE incident_id = " + id + " AND detail LIKE '%carol\"%'"
            + " AND kind = 'handed_over'"));
    refused(409, act(ALICE, id, "handover", "{\"to\": \"@carol\", \"comment\": \"again\"}"));
  }

  @Test
  void aStaleIfMatchIsRefusedAndNothingChanges() throws Exception {
    start();
    long id = open("alpha", "DiskFull");
    long seen = ((Number) rows("SELECT version FROM incidents WHERE id = " + id).get(0).get(0)).longValue();
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "instance", "db2"); // joins: version moves
    long before = timelineCount(id);
    JsonNode stale = refused(409, act(ALICE, id, "take", "", "If-Match", "\"" + seen + "\""));
    long current = seen + 1;
    assertEquals(current, stale.get("version").asLong());
    assertEquals("#l1", stale.get("holder").asText());
    assertTrue(stale.get("message").asText().contains("version " + current), stale.toString());
    assertEquals(before, timelineCount(id), "nothing recorded");
    assertEquals(List.of(List.of("#l1", "open", current)), rows("SELECT holder, status, version FROM incidents WHERE id = "
        + id).stream().map(row -> List.of(row.get(0), row.get(1), ((Number) row.get(2)).longValue())).toList());
    refused(409, act(ALICE, id, "describe", "{\"short\": \"disk\"}", "If-Match", String.valueOf(seen)));

    JsonNode card = ok(act(ALICE, id, "take", "", "If-Match", "\"" + current + "\""));
    assertEquals(current + 1, card.get("version").asLong());
    JsonNode weak = ok(act(ALICE, id, "comment", "{\"text\": \"looking\"}", "If-Match", "W/\"" + (current + 1) + "\""));
    assertEquals(current + 2, weak.get("version").asLong());
    JsonNode bad = refused(400, act(ALICE, id, "take", "", "If-Match", "yesterday"));
    assertEquals("If-Match", bad.get("parameter").asText());
  }

  @Test
  void twoOperatorsTakingAtOnceOneWinsTheOtherIsToldWho() throws Exception {
    start();
    List<Long> ids = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      ids.add(open("alpha", "Race" + n));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (long id : ids) {
        CyclicBarrier together = new CyclicBarrier(2);
        Future<HttpResponse<String>> a = pool.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return act(ALICE, id, "take", "");
        });
        Future<HttpResponse<String>> b = pool.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return act(BOB, id, "take", "");
        });
        HttpResponse<String> ra = a.get(60, TimeUnit.SECONDS);
        HttpResponse<String> rb = b.get(60, TimeUnit.SECONDS);
        List<Integer> codes = new ArrayList<>(List.of(ra.statusCode(), rb.statusCode()));
        codes.sort(null);
        assertEquals(List.of(200, 409), codes, ra.body() + " / " + rb.body());
        HttpResponse<String> winner = ra.statusCode() == 200 ? ra : rb;
        HttpResponse<String> loser = ra.statusCode() == 200 ? rb : ra;
        String holder = r.json(winner).get("holder").asText();
        assertEquals(holder, r.json(loser).get("holder").asText(), "the loser is told who won");
        assertTrue(r.json(loser).get("message").asText().contains(holder));
        assertEquals(List.of(List.of(holder, 1L)), rows("SELECT holder, (SELECT count(*) FROM timeline t WHERE"
            + " t.incident_id = i.id AND t.kind = 'taken') FROM incidents i WHERE id = " + id).stream()
            .map(row -> List.of(row.get(0), ((Number) row.get(1)).longValue())).toList());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theIncidentGaugeFollowsTheWorkflow() throws Exception {
    start();
    long a = open("alpha", "DiskFull");
    long b = open("alpha", "CpuHot");
    ok(act(ALICE, a, "take", ""));
    ok(act(ALICE, b, "snooze", "{\"for\": \"1h\"}"));
    ok(act(ALICE, b, "severity", "{\"level\": \"S5\", \"comment\": \"not urgent\"}"));
    String m = metrics();
    assertTrue(m.contains("baton_incidents{status=\"taken\",sla_class=\"urgent\"} 1\n"), m);
    assertTrue(m.contains("baton_incidents{status=\"snoozed\",sla_class=\"async\"} 1\n"), m);
    assertTrue(m.contains("baton_incidents{status=\"open\",sla_class=\"urgent\"} 0\n"), m);
    ok(act(ALICE, a, "close", ""));
    r.clock.advance(java.time.Duration.ofHours(2));
    r.server.tick().join();
    m = metrics();
    assertTrue(m.contains("baton_incidents{status=\"closed\",sla_class=\"urgent\"} 1\n"), m);
    assertTrue(m.contains("baton_incidents{status=\"open\",sla_class=\"async\"} 1\n"), m);
    assertTrue(m.contains("baton_incidents{status=\"snoozed\",sla_class=\"async\"} 0\n"), m);
  }

  private String metrics() throws Exception {
    HttpResponse<String> answer = r.get("/metrics", "Authorization", "Bearer " + WALL);
    assertEquals(200, answer.statusCode());
    return answer.body();
  }

  @Test
  void onlyOperatorsAndAdminsAct() throws Exception {
    start();
    long id = open("alpha", "DiskFull");
    assertEquals(401, r.post("/api/v1/incidents/" + id + "/take", "").statusCode());
    assertEquals(401, act("not-a-token", id, "take", "").statusCode());
    JsonNode viewer = refused(403, act(WALL, id, "take", ""));
    assertTrue(viewer.get("message").asText().contains("operate"), viewer.toString());
    refused(403, act(PROM, id, "take", ""));
    assertEquals("@root", ok(act(ROOT, id, "take", "")).get("holder").asText());
    assertEquals(List.of(List.of("root")), rows("SELECT actor FROM timeline WHERE kind = 'taken'"));
  }

  @Test
  void badRequestsAreLocatedAndNothingIsApplied() throws Exception {
    start();
    long id = open("alpha", "DiskFull");
    long before = timelineCount(id);
    assertEquals("comment", refused(400, act(ALICE, id, "handover", "{\"to\": \"#bravo\"}")).get("parameter").asText());
    assertEquals("comment", refused(400, act(ALICE, id, "handover", "{\"to\": \"#bravo\", \"comment\": \"  \"}"))
        .get("parameter").asText());
    assertEquals("to", refused(400, act(ALICE, id, "handover", "{\"to\": \"bravo team\", \"comment\": \"x\"}"))
        .get("parameter").asText());
    assertEquals("to", refused(400, act(ALICE, id, "handover", "{\"to\": 7, \"comment\": \"x\"}"))
        .get("parameter").asText());
    JsonNode malformed = refused(400, act(ALICE, id, "handover", "{\"to\": \"#bravo\",\n \"comment\": }"));
    assertEquals("body", malformed.get("parameter").asText());
    assertTrue(malformed.get("message").asText().contains("line 2, column"), malformed.toString());
    assertEquals("whom", refused(400, act(ALICE, id, "handover", "{\"whom\": \"#bravo\"}")).get("parameter").asText());
    refused(400, act(ALICE, id, "take", "[1]"));
    assertEquals("level", refused(400, act(ALICE, id, "severity", "{\"level\": \"S10\", \"comment\": \"x\"}"))
        .get("parameter").asText());
    assertEquals("level", refused(400, act(ALICE, id, "severity", "{\"level\": \"critical\", \"comment\": \"x\"}"))
        .get("parameter").asText());
    assertEquals("comment", refused(400, act(ALICE, id, "severity", "{\"level\": \"S2\"}")).get("parameter").asText());
    assertEquals("text", refused(400, act(ALICE, id, "comment", "{}")).get("parameter").asText());
    assertEquals("short", refused(400, act(ALICE, id, "describe", "{}")).get("parameter").asText());
    assertEquals("short", refused(400, act(ALICE, id, "describe", "{\"short\": \"two\\nlines\"}")).get("parameter").asText());
    assertEquals("id", refused(400, act(ALICE, 0, "take", "")).get("parameter").asText());
    assertEquals("id", refused(400, r.post("/api/v1/incidents/abc/take", "", "Authorization", "Bearer " + ALICE))
        .get("parameter").asText());
    assertTrue(refused(404, act(ALICE, 999, "take", "")).get("message").asText().contains("no incident 999"));
    refused(404, act(ALICE, id, "steal", ""));
    assertEquals(before, timelineCount(id));
    assertEquals(List.of(List.of("#l1", "open", "[\"#l1\"]")), rows("SELECT holder, status, holder_chain FROM incidents"
        + " WHERE id = " + id));
  }

  @Test
  void closeDescribeCommentAndSeverity() throws Exception {
    start();
    long id = open("alpha", "DiskFull");
    JsonNode card = ok(act(ALICE, id, "severity", "{\"level\": \"S4\", \"comment\": \"only a replica\"}"));
    assertEquals("S4", card.get("severity").asText());
    assertEquals("PT30M", card.get("sla").get("responseTime").asText(), "Platinum S4: 30 minutes from opening");
    assertEquals("2026-11-21T10:30:00Z", card.get("sla").get("deadline").asText());
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "instance", "db1"); // a repeat
    assertEquals("S4", rows("SELECT 'S' || severity FROM incidents WHERE id = " + id).get(0).get(0),
        "a repeat of an alert does not undo the hand-set severity");
    card = ok(act(ALICE, id, "describe", "{\"short\": \"disk full on db1\", \"long\": \"**cleaned** /var/log\"}"));
    assertEquals("disk full on db1", card.get("shortDescription").asText());
    assertEquals("**cleaned** /var/log", card.get("longDescription").asText());
    card = ok(act(ALICE, id, "close", "{\"comment\": \"cleaned\"}"));
    assertEquals("closed", card.get("status").asText());
    assertTrue(!card.get("closed").isNull());
    JsonNode again = refused(409, act(ALICE, id, "close", "{}"));
    assertTrue(again.get("message").asText().contains("is closed"), again.toString());
    refused(409, act(ALICE, id, "take", ""));
    refused(409, act(ALICE, id, "snooze", "{\"for\": \"1h\"}"));
    long version = card.get("version").asLong();
    card = ok(act(BOB, id, "describe", "{\"long\": \"post-mortem: rotate logs\"}", "If-Match", String.valueOf(version)));
    assertEquals("disk full on db1", card.get("shortDescription").asText(), "a missing field is left as it was");
    assertEquals("post-mortem: rotate logs", card.get("longDescription").asText());
    assertEquals(version + 1, card.get("version").asLong());
    refused(409, act(BOB, id, "comment", "{\"text\": \"x\"}", "If-Match", String.valueOf(version)));
    ok(act(BOB, id, "comment", "{\"text\": \"next time page storage\"}"));
    assertEquals(List.of("severity_set", "described", "closed", "described", "commented"),
        rows("SELECT kind FROM timeline WHERE incident_id = " + id + " AND actor IN ('alice', 'bob') ORDER BY id")
            .stream().map(row -> row.get(0)).toList());
  }

  @Test
  void statusHolderSourceServiceLevelAndUpdatedFilterTheList() throws Exception {
    start();
    long taken = open("alpha", "DiskFull");
    long other = open("beta", "CpuHot");
    ok(act(ALICE, taken, "take", ""));
    r.clock.advance(java.time.Duration.ofMinutes(5));
    ok(act(BOB, other, "snooze", "{\"for\": \"1h\"}"));
    assertEquals(List.of(taken), list("?status=taken", ALICE));
    assertEquals(List.of(other), list("?status=snoozed", ALICE));
    assertEquals(List.of(taken), list("?q=" + enc("holder = \"@alice\""), WALL));
    assertEquals(List.of(taken), list("?q=" + enc("service_level = Platinum"), WALL));
    assertEquals(List.of(other), list("?q=" + enc("service_level = Gold"), WALL));
    assertEquals(2, list("?q=" + enc("source = prom"), WALL).size());
    assertEquals(0, list("?q=" + enc("source = grafana"), WALL).size());
    assertEquals(List.of(other), list("?q=" + enc("updated > 2026-11-21T10:01:00Z"), WALL));
  }

  private List<Long> list(String query, String token) throws Exception {
    HttpResponse<String> answer = r.get("/api/v1/incidents" + query, "Authorization", "Bearer " + token);
    assertEquals(200, answer.statusCode(), answer.body());
    List<Long> ids = new ArrayList<>();
    r.json(answer).get("items").forEach(c -> ids.add(c.get("id").asLong()));
    ids.sort(null);
    return ids;
  }

}
