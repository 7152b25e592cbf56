package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook count on every card (lists, detail) is the number of runbooks
 * {@code GET /api/v1/incidents/{id}/runbooks} lists for it, on a real receiver and folder, and
 * follows the folder when it changes.
 */
class RunbookCountHttpTest {

  static final String[] RUNBOOKS = {
      "", // every incident
      "project = alpha",
      "trigger = DiskFull AND ~team = storage",
      "severity <= S1",
      "~instance =~ ^db[0-4]$",
      "NOT ~team = web",
      "project != beta OR ~team != storage",
      "trigger =~ Disk AND status = open",
  };
  static final String[] TRIGGERS = {"DiskFull", "DiskSlow", "HighLatency"};
  static final String[] TEAMS = {"storage", "web", "db"};
  static final String[] SEVERITIES = {"critical", "warning", "info"};

  @TempDir
  Path dir;

  @Test
  void everyCardCountsTheRunbooksThatMatchIt() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("book"));
    for (int k = 0; k < RUNBOOKS.length; k++) {
      Files.writeString(folder.resolve("r" + k + ".md"), "---\ntitle: Runbook " + k + "\nmql: '" + RUNBOOKS[k]
          + "'\n---\nDo " + k + ".\n");
    }
    // one incident per trigger and n: about thirty incidents of one to three alerts each
    try (ApiReceiver r = new ApiReceiver(dir, "runbooks: book\ndefaults: {grouping: [alertname, n]}\n")) {
      assertEquals(RUNBOOKS.length, r.get(200, "/api/v1/runbooks").path("runbooks").size());
      SplittableRandom random = new SplittableRandom(3);
      for (int k = 0; k < 40; k++) {
        r.fire("alertname", TRIGGERS[random.nextInt(TRIGGERS.length)], "project", random.nextBoolean() ? "alpha" : "beta",
            "severity", SEVERITIES[random.nextInt(SEVERITIES.length)], "team", TEAMS[random.nextInt(TEAMS.length)],
            "instance", "db" + random.nextInt(8), "n", Integer.toString(k % 13));
      }
      JsonNode page = r.get(200, "/api/v1/incidents?limit=500");
      assertTrue(page.path("items").size() >= 10, page.toString());
      int[] seen = new int[RUNBOOKS.length + 1];
      for (JsonNode card : page.path("items")) {
        long id = card.path("id").asLong();
        int matched = r.get(200, "/api/v1/incidents/" + id + "/runbooks").path("runbooks").size();
        assertEquals(matched, card.path("runbooks").asInt(), "incident " + id + " in the list");
        assertEquals(matched, r.get(200, "/api/v1/incidents/" + id).path("card").path("runbooks").asInt(),
            "incident " + id + " in its detail");
        seen[matched]++;
      }
      int distinct = 0;
      for (int n : seen) {
        distinct += n > 0 ? 1 : 0;
      }
      assertTrue(distinct >= 3, "the incidents match different numbers of runbooks");

      long any = page.path("items").get(0).path("id").asLong();
      int before = page.path("items").get(0).path("runbooks").asInt();
      Files.writeString(folder.resolve("extra.md"), "---\ntitle: Everything\nmql: ''\n---\nLook.\n");
      long deadline = System.nanoTime() + 30_000_000_000L;
      int after = before;
      while (after == before && System.nanoTime() < deadline) {
        Thread.sleep(100);
        after = r.get(200, "/api/v1/incidents/" + any).path("card").path("runbooks").asInt();
      }
      assertEquals(before + 1, after, "a new runbook file counts once the folder is read again");
    }
  }
}
