package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writer records for {@code GET /api/v1/reports/sla}: alerts resolved while pending and
 * escalation moves, on a real receiver with a fake clock, kept across a restart.
 */
class SlaReportWriterHttpTest {

  static final String POLICY = """
      teams:
        l1: {escalation: ["#bravo"]}
        bravo: {}
      pending: {S3: 1m}
      """;

  @TempDir
  Path dir;

  @Test
  void alertsResolvedWhilePendingAndEscalationsAreCountedAndKept() throws Exception {
    Instant end;
    try (ApiReceiver r = new ApiReceiver(dir, POLICY)) {
      for (int k = 0; k < 2; k++) {
        r.fire("alertname", "Flap", "project", "alpha", "severity", "warning");
        r.clock.advance(Duration.ofSeconds(30));
        r.resolve("alertname", "Flap", "project", "alpha", "severity", "warning");
        r.server.tick().get();
      }
      r.fire("alertname", "Down", "project", "alpha", "severity", "critical"); // S1 on Platinum: 1 min
      r.clock.advance(Duration.ofSeconds(61));
      r.server.tick().get();
      assertReport(r);
      end = r.clock.instant();
    }
    try (ApiReceiver again = new ApiReceiver(dir, POLICY)) {
      again.clock.set(end);
      assertReport(again);
    }
  }

  @Test
  void anIncidentTakenInTimeStaysInTimeAfterItIsHandedOn() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, POLICY)) {
      r.fire("alertname", "Down", "project", "alpha", "severity", "critical"); // S1 on Platinum: 1 min
      long id = r.get(200, "/api/v1/incidents").path("items").get(0).path("id").asLong();
      r.clock.advance(Duration.ofSeconds(20));
      assertEquals(200, r.post("/api/v1/incidents/" + id + "/take", "").statusCode());
      r.clock.advance(Duration.ofSeconds(10));
      assertEquals(200, r.post("/api/v1/incidents/" + id + "/handover",
          "{\"to\": \"#bravo\", \"comment\": \"database side, yours\"}").statusCode());
      r.clock.advance(Duration.ofMinutes(5));
      r.server.tick().get();

      JsonNode alpha = r.get(200, "/api/v1/reports/sla").path("perProject").get(0);
      assertEquals(1, alpha.path("takenInTime").asLong(), "taken 20 s after it opened, then handed on");
      assertEquals(0, alpha.path("late").asLong());
      assertEquals("PT20S", alpha.path("medianToTake").asText());
    }
  }

  private static void assertReport(ApiReceiver r) throws Exception {
    JsonNode report = r.get(200, "/api/v1/reports/sla");
    assertEquals(1, report.path("incidents").asLong(), "the flapping alert opened nothing");
    JsonNode noise = report.path("noise");
    assertEquals(2, noise.path("resolvedWhilePending").asLong());
    assertEquals("Flap", noise.path("perTrigger").get(0).path("trigger").asText());
    assertEquals(2, noise.path("perTrigger").get(0).path("resolvedWhilePending").asLong());
    assertEquals(0, noise.path("perTrigger").get(0).path("incidents").asLong());
    JsonNode alpha = report.path("perProject").get(0);
    assertEquals("alpha", alpha.path("key").asText());
    assertEquals(1, alpha.path("escalations").asLong());
    assertEquals(1, alpha.path("late").asLong(), "not taken, its minute is over");
    assertEquals("bravo", report.path("perTeam").get(0).path("key").asText(), "the team that holds it now");
    assertEquals(0, r.get(200, "/api/v1/reports/sla?q=" + ApiReceiver.enc("project = beta"))
        .path("noise").path("resolvedWhilePending").asLong());
  }
}
