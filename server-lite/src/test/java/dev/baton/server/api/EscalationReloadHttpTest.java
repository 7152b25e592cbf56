package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.config.ConfigReloader;
import dev.baton.server.config.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escalation lists come and go with the configuration: the clock's tick reads the teams of the
 * configuration running now, not of the one it first saw.
 */
class EscalationReloadHttpTest {

  private static final String CONFIG = """
      projects:
        alpha: {service_level: Platinum, default_holder: "#l1"}
      severity:
        labels: {critical: S1}
      teams:
        l1: {members: [alice]%s}
        bravo: {members: [bob]}
      """;

  @TempDir
  Path dir;

  @Test
  void anEscalationListAddedByAReloadMovesTheIncidentsItsTeamLeftUntaken() throws Exception {
    Path file = Files.writeString(dir.resolve("baton.yml"), CONFIG.formatted(""));
    try (ApiReceiver r = new ApiReceiver(dir, ConfigSource.of(file))) {
      r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical"); // Platinum S1: 1 minute
      long id = r.get(200, "/api/v1/incidents?q=" + ApiReceiver.enc("trigger = DiskFull")).path("items").get(0)
          .path("id").asLong();

      r.clock.advance(Duration.ofSeconds(61));
      r.server.tick().get();
      assertEquals("#l1", holder(r, id), "no escalation list: it stays with its team");

      Files.writeString(file, CONFIG.formatted(", escalation: ['#bravo']"));
      reload(r);
      r.server.tick().get();
      assertEquals("#bravo", holder(r, id), "the new list applies at the next tick");

      Files.writeString(file, CONFIG.formatted(", escalation: ['#bravo']").replace("bravo: {members: [bob]}",
          "bravo: {members: [bob], escalation: ['#l1']}"));
      reload(r);
      r.clock.advance(Duration.ofSeconds(61));
      r.server.tick().get();
      assertEquals("#bravo", holder(r, id), "it follows #l1's list, which ends at #bravo, not #bravo's");
    }
  }

  private static void reload(ApiReceiver r) {
    ConfigReloader.Outcome outcome = r.server.reloadConfig();
    assertTrue(outcome.applied(), outcome.problems().toString());
  }

  private static String holder(ApiReceiver r, long id) throws Exception {
    JsonNode card = r.get(200, "/api/v1/incidents/" + id).path("card");
    return card.path("holder").asText();
  }
}
