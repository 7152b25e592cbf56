package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's async queue: async-class incidents stay with the team queue that holds them (never
 * escalated, past their 24 h too) and are listed with {@code class=async} and {@code holder = "#team"};
 * urgent ones escalate out, taken ones leave the queue. Real receiver, fake clock.
 */
class AsyncQueueHttpTest {

  static final String POLICY = """
      teams:
        l1: {escalation: ["#bravo"]}
        bravo: {escalation: ["@dmitry"]}
      routing:
        - 'project = beta -> #bravo'
      """;

  @TempDir
  Path dir;

  @Test
  void asyncIncidentsGatherInTheirTeamsQueue() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, POLICY)) {
      r.fire("alertname", "CertExpiresSoon", "project", "alpha", "severity", "info"); // S6 on Platinum: async
      r.fire("alertname", "BackupSlow", "project", "beta", "severity", "info");
      r.fire("alertname", "QueueGrowing", "project", "beta", "severity", "info");
      r.fire("alertname", "Down", "project", "alpha", "severity", "critical"); // urgent
      long taken = id(r, "trigger = QueueGrowing");
      assertEquals(200, r.post("/api/v1/incidents/" + taken + "/take", "").statusCode());
      assertEquals("async", r.get(200, "/api/v1/incidents/" + taken).path("card").path("sla").path("slaClass").asText());

      r.clock.advance(Duration.ofHours(25));
      r.server.tick().get();

      assertEquals(List.of("CertExpiresSoon"), queue(r, "#l1"), "the urgent one escalated to #bravo");
      assertEquals(List.of("BackupSlow"), queue(r, "#bravo"), "the taken one left the queue");
      assertEquals(List.of("#l1"), chain(r, id(r, "trigger = CertExpiresSoon")), "24 h passed: still not escalated");
      assertEquals(List.of("#l1", "#bravo"), chain(r, id(r, "trigger = Down")));
      assertEquals(List.of("BackupSlow"), triggers(r.get(200, "/api/v1/incidents?q="
          + ApiReceiver.enc("class = async AND holder = \"#bravo\" AND status != taken"))));
    }
  }

  /** A team's async queue as docs/api.md spells it: class=async, holder by MQL, not taken. */
  private static List<String> queue(ApiReceiver r, String team) throws Exception {
    return triggers(r.get(200, "/api/v1/incidents?class=async&status=open,snoozed&q="
        + ApiReceiver.enc("holder = \"" + team + "\"")));
  }

  private static List<String> triggers(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("items").forEach(c -> out.add(c.path("triggers").get(0).asText()));
    return out;
  }

  private static long id(ApiReceiver r, String q) throws Exception {
    JsonNode page = r.get(200, "/api/v1/incidents?status=open,taken,snoozed,closed&q=" + ApiReceiver.enc(q));
    assertEquals(1, page.path("items").size(), page.toString());
    return page.path("items").get(0).path("id").asLong();
  }

  private static List<String> chain(ApiReceiver r, long id) throws Exception {
    List<String> out = new ArrayList<>();
    r.get(200, "/api/v1/incidents/" + id).path("card").path("holderChain").forEach(h -> out.add(h.asText()));
    return out;
  }
}
