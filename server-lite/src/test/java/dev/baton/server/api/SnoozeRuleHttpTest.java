package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.DatabaseRows;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smart ignore rules on a real receiver and SQLite file, driven by a fake clock. */
class SnoozeRuleHttpTest {

  static final String ALICE = "alice-secret-0123456789";
  static final String WALL = "wall-secret-0123456789";
  static final String PROM = "prom-secret-0123456789";
  static final String CONFIG = """
      tokens:
        - {name: alice, role: operate, secret: %s}
        - {name: wall, role: read, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      projects:
        alpha: {service_level: Platinum}
      severity:
        labels: {critical: S1, warning: S3}
      """.formatted(ALICE, WALL, PROM);
  static final String[] READ = {"Authorization", "Bearer " + WALL};

  @TempDir
  Path dir;

  @Test
  void aRuleSnoozesMatchingIncidentsNowAndWhileItLastsAndTheyWakeWhenItEnds() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, PROM)) {
      r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "server", "db1");
      r.fire("alertname", "CpuHot", "project", "alpha", "severity", "critical", "server", "web1");
      long disk = id(r, "DiskFull");
      long cpu = id(r, "CpuHot");

      HttpResponse<String> created = post(r, ALICE, "/api/v1/snooze-rules",
          "{\"mql\": \"~server = db1\", \"for\": \"1h\", \"comment\": \"db1 kernel upgrade\"}");
      assertEquals(200, created.statusCode(), created.body());
      JsonNode rule = r.json(created);
      long ruleId = rule.path("id").asLong();
      assertEquals("alice", rule.path("author").asText());
      assertEquals("2026-11-21T11:00:00Z", rule.path("until").asText());
      assertEquals(List.of(disk), longs(rule.path("incidents")));

      JsonNode diskCard = card(r, disk);
      assertEquals("snoozed", diskCard.path("status").asText());
      assertEquals("rule:" + ruleId, diskCard.path("snooze").path("by").asText());
      assertTrue(diskCard.path("snooze").path("comment").asText().contains("db1 kernel upgrade"), diskCard.toString());
      assertEquals("open", card(r, cpu).path("status").asText());
      assertEquals(1, r.get(200, "/api/v1/snooze-rules", READ).path("rules").size());

      // an incident opening during the window is snoozed at once; something worse wakes one
      r.clock.advance(Duration.ofMinutes(5));
      r.fire("alertname", "MysqlDown", "project", "alpha", "severity", "critical", "server", "db1");
      long mysql = id(r, "MysqlDown");
      assertEquals("snoozed", card(r, mysql).path("status").asText());
      assertEquals("rule:" + ruleId, lastEntry(r, mysql, "snoozed").path("actor").asText());
      r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "server", "db2");
      assertEquals("open", card(r, disk).path("status").asText(), "a new alert joining wakes it");

      // the rule runs out: its incidents wake, it leaves the list and is kept as ended
      r.clock.advance(Duration.ofMinutes(56));
      r.server.tick().get();
      assertEquals("open", card(r, mysql).path("status").asText());
      assertEquals(0, r.get(200, "/api/v1/snooze-rules", READ).path("rules").size());
      assertEquals(List.of(List.of(r.clock.millis())),
          DatabaseRows.query(r.server.database(), "SELECT ended_at FROM snooze_rules WHERE id = " + ruleId));
    }
  }

  @Test
  void aRuleEndedByHandWakesItsIncidentsAndRulesSurviveARestart() throws Exception {
    long rule;
    long disk;
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, PROM)) {
      r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "server", "db1");
      disk = id(r, "DiskFull");
      rule = r.json(post(r, ALICE, "/api/v1/snooze-rules",
          "{\"mql\": \"project = alpha\", \"until\": \"2026-11-21T12:00:00Z\", \"comment\": \"move\"}")).path("id").asLong();
    }
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, PROM)) {
      JsonNode rules = r.get(200, "/api/v1/snooze-rules", READ).path("rules");
      assertEquals(1, rules.size());
      assertEquals("project = alpha", rules.get(0).path("mql").asText());
      assertEquals("snoozed", card(r, disk).path("status").asText());

      HttpResponse<String> ended = delete(r, ALICE, "/api/v1/snooze-rules/" + rule);
      assertEquals(200, ended.statusCode(), ended.body());
      assertEquals(List.of(disk), longs(r.json(ended).path("incidents")));
      assertEquals("open", card(r, disk).path("status").asText());
      assertEquals("alice", lastEntry(r, disk, "unsnoozed").path("actor").asText());
      assertEquals(404, delete(r, ALICE, "/api/v1/snooze-rules/" + rule).statusCode());
    }
  }

  @Test
  void mistakesAreLocatedAndOnlyOperatorsChangeRules() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, CONFIG, PROM)) {
      JsonNode bad = r.json(post(r, ALICE, "/api/v1/snooze-rules",
          "{\"mql\": \"projct = a\", \"for\": \"1h\", \"comment\": \"x\"}"));
      assertEquals(400, bad.path("code").asInt());
      assertEquals("mql", bad.path("parameter").asText());
      assertEquals(1, bad.path("problems").get(0).path("column").asInt());
      assertEquals("comment", r.json(post(r, ALICE, "/api/v1/snooze-rules", "{\"mql\": \"project = a\", \"for\": \"1h\"}"))
          .path("parameter").asText());
      assertEquals("forever", r.json(post(r, ALICE, "/api/v1/snooze-rules",
          "{\"mql\": \"project = a\", \"forever\": true, \"comment\": \"x\"}")).path("parameter").asText());
      assertEquals("for", r.json(post(r, ALICE, "/api/v1/snooze-rules",
          "{\"mql\": \"project = a\", \"for\": \"soon\", \"comment\": \"x\"}")).path("parameter").asText());
      assertEquals(403, post(r, WALL, "/api/v1/snooze-rules",
          "{\"mql\": \"project = a\", \"for\": \"1h\", \"comment\": \"x\"}").statusCode());
      assertEquals(400, delete(r, ALICE, "/api/v1/snooze-rules/abc").statusCode());
      assertEquals(0, r.get(200, "/api/v1/snooze-rules", READ).path("rules").size());
    }
  }

  private static HttpResponse<String> post(ApiReceiver r, String token, String path, String body) throws Exception {
    return r.post(path, body, "Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> delete(ApiReceiver r, String token, String path) throws Exception {
    return r.send("DELETE", path, "Authorization", "Bearer " + token);
  }

  private static long id(ApiReceiver r, String trigger) throws Exception {
    JsonNode page = r.get(200, "/api/v1/incidents?q=" + ApiReceiver.enc("trigger = " + trigger), READ);
    assertEquals(1, page.path("items").size(), page.toString());
    return page.path("items").get(0).path("id").asLong();
  }

  private static JsonNode card(ApiReceiver r, long id) throws Exception {
    return r.get(200, "/api/v1/incidents/" + id, READ).path("card");
  }

  private static JsonNode lastEntry(ApiReceiver r, long id, String kind) throws Exception {
    JsonNode found = null;
    for (JsonNode e : r.get(200, "/api/v1/incidents/" + id, READ).path("timeline")) {
      if (e.path("kind").asText().equals(kind)) {
        found = e;
      }
    }
    return found;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
