package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.DatabaseRows;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smart snooze over real HTTP and SQLite with a clock the test moves: a snoozed incident wakes
 * when its time is up or it gets worse, and with close_if_ok closes itself once all its alerts
 * are ok. Without tokens the actor is the local OS user.
 */
class SmartSnoozeHttpTest {

  static final String USER = System.getProperty("user.name");

  @TempDir
  Path dir;
  ApiReceiver r;
  long id;

  @BeforeEach
  void start() throws Exception {
    r = new ApiReceiver(dir);
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    id = r.get(200, "/api/v1/incidents").get("items").get(0).get("id").asLong();
  }

  @AfterEach
  void stop() {
    r.close();
  }

  private JsonNode act(String action, String body) throws Exception {
    HttpResponse<String> answer = r.post("/api/v1/incidents/" + id + "/" + action, body);
    assertEquals(200, answer.statusCode(), answer.body());
    return r.json(answer);
  }

  private JsonNode refused(int status, String action, String body) throws Exception {
    HttpResponse<String> answer = r.post("/api/v1/incidents/" + id + "/" + action, body);
    assertEquals(status, answer.statusCode(), answer.body());
    return r.json(answer);
  }

  private JsonNode card() throws Exception {
    return r.get(200, "/api/v1/incidents/" + id).get("card");
  }

  /** The last timeline entry: actor, kind, detail. */
  private List<Object> last() throws Exception {
    return DatabaseRows.query(r.server.database(), "SELECT actor, kind, detail FROM timeline WHERE incident_id = " + id
        + " ORDER BY id DESC LIMIT 1").get(0);
  }

  @Test
  void aTimedSnoozeEndsOnTheTickAndReturnsToItsHolder() throws Exception {
    act("take", "");
    JsonNode card = act("snooze", "{\"for\": \"30m\", \"comment\": \"deploy in progress\"}");
    assertEquals("snoozed", card.get("status").asText());
    assertEquals("2026-11-21T10:30:00Z", card.get("snooze").get("until").asText());
    assertEquals(false, card.get("snooze").get("forever").asBoolean());
    assertEquals(USER, card.get("snooze").get("by").asText());
    assertEquals("deploy in progress", card.get("snooze").get("comment").asText());
    assertEquals("@" + USER, card.get("holder").asText(), "snoozing keeps the holder");
    assertEquals(List.of(USER, "snoozed", "{\"until\":\"2026-11-21T10:30:00Z\",\"forever\":false,\"close_if_ok\":false,"
        + "\"comment\":\"deploy in progress\"}"), last());

    r.clock.advance(Duration.ofMinutes(29));
    r.server.tick().join();
    assertEquals("snoozed", card().get("status").asText());
    r.clock.advance(Duration.ofMinutes(1));
    r.server.tick().join();
    card = card();
    assertEquals("taken", card.get("status").asText(), "back to the person who took it");
    assertTrue(card.get("snooze").isNull());
    assertEquals(List.of("baton", "woke", "{\"reason\":\"snooze_ended\",\"status\":\"taken\",\"holder\":\"@" + USER
        + "\"}"), last());
    assertEquals(0, ((Number) DatabaseRows.query(r.server.database(), "SELECT count(*) FROM incidents WHERE"
        + " snoozed_until IS NOT NULL OR snoozed_by IS NOT NULL").get(0).get(0)).intValue(), "the columns are cleared");
  }

  @Test
  void anIncidentNobodyTookWakesOpen() throws Exception {
    assertEquals("until", refused(400, "snooze", "{\"until\": \"2026-11-21T11:00:00+01:00\"}").get("parameter").asText(),
        "10:00Z is now, not the future");
    act("snooze", "{\"until\": \"2026-11-21T11:30:00+01:00\"}");
    assertEquals("2026-11-21T10:30:00Z", card().get("snooze").get("until").asText());
    r.clock.advance(Duration.ofMinutes(30));
    r.server.tick().join();
    assertEquals("open", card().get("status").asText());
  }

  @Test
  void aNewAlertWakesIt() throws Exception {
    act("snooze", "{\"for\": \"1h\"}");
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db2");
    assertEquals("open", card().get("status").asText());
    assertEquals(List.of("baton", "woke", "{\"reason\":\"alert_joined\",\"status\":\"open\",\"holder\":\"#l1\"}"), last());
  }

  @Test
  void aRisingSeverityWakesIt() throws Exception {
    act("snooze", "{\"forever\": true, \"comment\": \"flaps every night\"}");
    JsonNode card = card();
    assertTrue(card.get("snooze").get("forever").asBoolean());
    assertTrue(card.get("snooze").get("until").isNull());
    r.clock.advance(Duration.ofDays(400));
    r.server.tick().join();
    assertEquals("snoozed", card().get("status").asText(), "forever has no end");
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "instance", "db1");
    card = card();
    assertEquals("open", card.get("status").asText());
    assertEquals("S1", card.get("severity").asText());
    assertEquals("woke", last().get(1));
    assertTrue(((String) last().get(2)).contains("severity_raised"), last().toString());
  }

  @Test
  void anOkAlertFiringAgainWakesIt() throws Exception {
    r.resolve("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    act("snooze", "{\"for\": \"1d\"}");
    r.clock.advance(Duration.ofMinutes(5));
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    assertEquals("open", card().get("status").asText());
    assertTrue(((String) last().get(2)).contains("alert_fired_again"), last().toString());
  }

  @Test
  void aRepeatOfAFiringAlertDoesNotWakeIt() throws Exception {
    act("snooze", "{\"for\": \"1h\"}");
    long version = card().get("version").asLong();
    r.clock.advance(Duration.ofMinutes(1));
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    assertEquals("snoozed", card().get("status").asText());
    assertEquals(version, card().get("version").asLong());
  }

  @Test
  void closeIfOkClosesItWhenAllItsAlertsAreOk() throws Exception {
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db2");
    act("snooze", "{\"for\": \"3h\", \"close_if_ok\": true}");
    r.resolve("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    assertEquals("snoozed", card().get("status").asText(), "one alert still fires");
    r.resolve("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db2");
    JsonNode card = card();
    assertEquals("closed", card.get("status").asText());
    assertEquals("ok", card.get("state").asText());
    assertEquals(List.of("baton", "closed"), last().subList(0, 2));
    assertTrue(((String) last().get(2)).contains("all_alerts_ok"));
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    assertEquals(2, r.get(200, "/api/v1/incidents?status=open,closed").get("items").size(), "a new incident opens");
  }

  @Test
  void closeIfOkOnAnIncidentAlreadyAllOkClosesItAtOnce() throws Exception {
    r.resolve("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    JsonNode card = act("snooze", "{\"for\": \"1h\", \"close_if_ok\": true}");
    assertEquals("closed", card.get("status").asText());
    assertEquals(List.of("baton", "closed"), last().subList(0, 2));
  }

  @Test
  void unsnoozeAndBadSnoozes() throws Exception {
    assertTrue(refused(409, "unsnooze", "").get("message").asText().contains("not snoozed"));
    assertEquals("for", refused(400, "snooze", "{}").get("parameter").asText());
    assertEquals("for", refused(400, "snooze", "{\"for\": \"30 minutes\"}").get("parameter").asText());
    assertEquals("for", refused(400, "snooze", "{\"for\": \"0m\"}").get("parameter").asText());
    assertEquals("for", refused(400, "snooze", "{\"for\": \"400d\"}").get("parameter").asText());
    assertEquals("until", refused(400, "snooze", "{\"for\": \"1h\", \"until\": \"2026-11-21T12:00:00Z\"}")
        .get("parameter").asText());
    JsonNode past = refused(400, "snooze", "{\"until\": \"2026-11-21T09:00:00Z\"}");
    assertEquals("until", past.get("parameter").asText());
    assertTrue(past.get("message").asText().contains("not in the future"), past.toString());
    assertEquals("until", refused(400, "snooze", "{\"until\": \"tomorrow\"}").get("parameter").asText());
    assertEquals("comment", refused(400, "snooze", "{\"forever\": true}").get("parameter").asText());
    assertEquals("close_if_ok", refused(400, "snooze", "{\"for\": \"1h\", \"close_if_ok\": \"yes\"}")
        .get("parameter").asText());
    assertEquals("open", card().get("status").asText());
    act("snooze", "{\"for\": \"90m\"}");
    JsonNode card = act("unsnooze", "{\"comment\": \"fixed sooner\"}");
    assertEquals("open", card.get("status").asText());
    assertTrue(card.get("snooze").isNull());
    assertEquals(List.of(USER, "unsnoozed", "{\"comment\":\"fixed sooner\",\"status\":\"open\"}"), last());
  }

  @Test
  void snoozeStateSurvivesARestart() throws Exception {
    act("snooze", "{\"for\": \"2h\", \"close_if_ok\": true, \"comment\": \"night\"}");
    r.close();
    r = new ApiReceiver(dir);
    r.clock.advance(Duration.ofMinutes(5));
    JsonNode card = card();
    assertEquals("snoozed", card.get("status").asText());
    assertTrue(card.get("snooze").get("closeIfOk").asBoolean());
    r.resolve("alertname", "DiskFull", "project", "alpha", "severity", "warning", "instance", "db1");
    assertEquals("closed", card().get("status").asText(), "close_if_ok was loaded back into the writer");
  }
}
