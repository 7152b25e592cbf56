package dev.baton.server.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.Mql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runbooks shipped in the repository's {@code runbooks/} folder are all valid and find their alerts. */
class ExampleRunbooksTest {

  private static final Path FOLDER = Path.of("..", "runbooks").toAbsolutePath().normalize();

  @Test
  void everyShippedRunbookIsValid() {
    assertTrue(Files.isDirectory(FOLDER), FOLDER.toString());
    RunbookLibrary l = RunbookFolder.read(FOLDER, Clock.systemUTC());
    assertEquals(List.of(), l.problems());
    assertTrue(l.runbooks().size() >= 8, "runbooks: " + l.runbooks().size());
  }

  @Test
  void commonPrometheusAlertsFindTheirRunbook() {
    RunbookLibrary l = RunbookFolder.read(FOLDER, Clock.systemUTC());
    Map<String, String> expected = Map.of(
        "InstanceDown", "instance-down.md",
        "TargetDown", "instance-down.md",
        "Watchdog", "watchdog.md",
        "NodeFilesystemAlmostOutOfSpace", "disk-filling-up.md",
        "DiskWillFillIn4Hours", "disk-filling-up.md",
        "HighErrorRate", "high-error-rate.md",
        "HighLatency", "high-latency.md",
        "KubePodCrashLooping", "kube-pod-crashlooping.md",
        "no-data-for", "no-data-for.md");
    expected.forEach((trigger, file) -> {
      List<String> matched = l.matching(Mql.forIncidents().subject().field("project", "shop")
          .field("trigger", trigger).build()).stream().map(Runbook::path).toList();
      assertEquals(List.of(file), matched, trigger);
    });
    assertEquals(List.of(), l.matching(Mql.forIncidents().subject().field("trigger", "SomethingElse").build()));
  }
}
