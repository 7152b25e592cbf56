package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.server.e2e.BatonDb.StoredAlert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's amtool (0.25), pointed at Baton instead of an Alertmanager, works unchanged: it asks
 * {@code GET /api/v2/status} first, then posts to {@code /api/v2/alerts}.
 */
class AmtoolE2ETest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void amtoolAlertAddFiresAndResolvesAnAlertInBaton(@TempDir Path dir) throws Exception {
    Path amtool = Binaries.amtool();
    Path file = dir.resolve("baton.db");
    BatonDb db = new BatonDb(file);
    try (ReceiverProcess baton = ReceiverProcess.start(dir, file)) {
      String url = "--alertmanager.url=" + baton.url("");

      amtool(amtool, url, "alert", "add", "alertname=E2EAmtool", "instance=web-7", "severity=warning",
          "--annotation=summary=Added with amtool");
      StoredAlert firing = awaitState(db, "firing");
      assertEquals("web-7", firing.labels().get("instance"));

      amtool(amtool, url, "alert", "add", "alertname=E2EAmtool", "instance=web-7", "severity=warning",
          "--end=" + Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
      awaitState(db, "ok");
    }
  }

  private static void amtool(Path amtool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(amtool.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS); // a process start on a loaded machine
    if (!done) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, done ? p.exitValue() : -1, "amtool " + String.join(" ", args) + " failed:\n" + output);
  }

  private static StoredAlert awaitState(BatonDb db, String state) {
    return Await.until("E2EAmtool stored as " + state, WAIT,
        () -> db.alert("E2EAmtool"),
        (Optional<StoredAlert> a) -> a.isPresent() && state.equals(a.get().state())).orElseThrow();
  }
}
