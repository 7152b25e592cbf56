package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/runbooks} and {@code GET /api/v1/incidents/{id}/runbooks} on a real receiver and folder. */
class RunbookApiHttpTest {

  @TempDir
  Path dir;

  @Test
  void listsRunbooksWithProblemsAndMatchesThemToIncidents() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("book"));
    Files.writeString(folder.resolve("disk.md"), """
        ---
        title: Disk full on storage
        mql: trigger = DiskFull AND ~team = storage
        priority: 5
        ---
        Free space: `du -xh /var | sort -h`.
        """);
    Files.writeString(folder.resolve("alpha.md"), "---\ntitle: Anything in alpha\nmql: project = alpha\n---\nCall alpha.\n");
    Files.writeString(folder.resolve("urgent.md"), "---\ntitle: Critical first\nmql: severity <= S1\npriority: 1\n---\nWake up.\n");
    Files.writeString(folder.resolve("bad.md"), "---\ntitle: Bad\nmql: ~team == storage\n---\n");
    try (ApiReceiver r = new ApiReceiver(dir, "runbooks: book\n")) {
      JsonNode all = r.get(200, "/api/v1/runbooks");
      assertEquals(folder.toString(), all.path("folder").asText());
      assertEquals(List.of("urgent.md", "disk.md", "alpha.md"), paths(all.path("runbooks")));
      assertEquals("Free space: `du -xh /var | sort -h`.\n", all.path("runbooks").get(1).path("body").asText());
      assertEquals(5, all.path("runbooks").get(1).path("priority").asInt());
      assertEquals(1, all.path("problems").size());
      JsonNode problem = all.path("problems").get(0);
      assertEquals("bad.md", problem.path("path").asText());
      assertEquals(3, problem.path("line").asInt());
      assertTrue(problem.path("message").asText().startsWith("mql 1:"), problem.toString());

      r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "team", "storage", "instance", "db1");
      r.fire("alertname", "DiskFull", "project", "beta", "severity", "warning", "team", "web", "instance", "db9");
      long alphaDisk = incidentId(r, "project = alpha");
      long betaDisk = incidentId(r, "project = beta");
      JsonNode matched = r.get(200, "/api/v1/incidents/" + alphaDisk + "/runbooks");
      assertEquals(alphaDisk, matched.path("incidentId").asLong());
      assertEquals(List.of("urgent.md", "disk.md", "alpha.md"), paths(matched.path("runbooks")));
      assertEquals(List.of(), paths(r.get(200, "/api/v1/incidents/" + betaDisk + "/runbooks").path("runbooks")));

      assertEquals(404, r.get(404, "/api/v1/incidents/999999/runbooks").path("code").asInt());
      assertEquals("id", r.get(400, "/api/v1/incidents/x/runbooks").path("parameter").asText());
    }
  }

  @Test
  void withoutAFolderTheListIsEmpty() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir)) {
      JsonNode all = r.get(200, "/api/v1/runbooks");
      assertTrue(all.path("folder").isNull());
      assertEquals(0, all.path("runbooks").size());
    }
  }

  private static long incidentId(ApiReceiver r, String q) throws Exception {
    JsonNode page = r.get(200, "/api/v1/incidents?q=" + ApiReceiver.enc(q));
    assertEquals(1, page.path("items").size(), page.toString());
    return page.path("items").get(0).path("id").asLong();
  }

  private static List<String> paths(JsonNode runbooks) {
    List<String> paths = new ArrayList<>();
    runbooks.forEach(n -> paths.add(n.path("path").asText()));
    return paths;
  }
}
