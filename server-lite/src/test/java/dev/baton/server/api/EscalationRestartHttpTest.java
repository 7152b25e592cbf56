package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escalation progress survives a restart of the receiver (same SQLite file, the fake clock carried
 * over): an incident continues on its team's list where it was, instead of starting over at a
 * deadline long past and moving at once (or twice).
 */
class EscalationRestartHttpTest {

  static final String POLICY = """
      teams:
        l1: {escalation: ["#bravo", "@dmitry"], escalate_after: 10m}
        bravo: {escalation: ["@carol"]}
      """;

  @TempDir
  Path dir;

  @Test
  void anEscalatingIncidentContinuesWhereItWasAfterARestart() throws Exception {
    Instant at;
    long id;
    try (ApiReceiver r = new ApiReceiver(dir, POLICY)) {
      r.fire("alertname", "Down", "project", "alpha", "severity", "critical"); // S1 on Platinum: 1 min
      id = r.get(200, "/api/v1/incidents").path("items").get(0).path("id").asLong();
      r.clock.advance(Duration.ofSeconds(61));
      r.server.tick().get();
      assertEquals(List.of("#l1", "#bravo"), chain(r, id));
      r.clock.advance(Duration.ofMinutes(1));
      at = r.clock.instant();
    }
    try (ApiReceiver r = new ApiReceiver(dir, POLICY)) {
      r.clock.set(at);
      r.server.tick().get();
      assertEquals(List.of("#l1", "#bravo"), chain(r, id),
          "#l1's list goes on in 10 minutes; #bravo's own list does not start at the passed deadline");
      r.clock.advance(Duration.ofMinutes(8));
      r.server.tick().get();
      assertEquals(List.of("#l1", "#bravo"), chain(r, id));
      r.clock.advance(Duration.ofMinutes(1));
      r.server.tick().get();
      assertEquals(List.of("#l1", "#bravo", "@dmitry"), chain(r, id));
      assertEquals(2, escalations(r, id));
    }
  }

  private static List<String> chain(ApiReceiver r, long id) throws Exception {
    List<String> out = new ArrayList<>();
    r.get(200, "/api/v1/incidents/" + id).path("card").path("holderChain").forEach(h -> out.add(h.asText()));
    return out;
  }

  private static long escalations(ApiReceiver r, long id) throws Exception {
    long n = 0;
    for (JsonNode e : r.get(200, "/api/v1/incidents/" + id).path("timeline")) {
      n += e.path("kind").asText().equals("escalated") ? 1 : 0;
    }
    return n;
  }
}
