package dev.baton.console.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.sources.ApiSources;
import dev.baton.console.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sources window's rows against a real receiver whose clock moves: a silent source goes missing and comes back. */
class SourcesViewModelTest {

  @TempDir
  Path dir;
  private MissingSourceReceiver data;
  private SourcesViewModel model;

  @BeforeEach
  void start() throws Exception {
    data = new MissingSourceReceiver(dir, Instant.parse("2026-11-21T10:00:00Z"));
    model = new SourcesViewModel(new ApiSources(data.reader), new DirectTaskExecutor(), data.clock);
  }

  @AfterEach
  void stop() {
    data.close();
  }

  @Test
  void showsTheMissingSourceFirstWithSinceWhenAndTheOthersAsTheReceiverSays() {
    model.load();

    assertEquals(List.of(
        new SourceRow("prometheus-eu", "MISSING since 2026-11-21 10:02 (1 min ago)", "2 min", "3 min ago",
            "3 min ago", 1, 1, 1, true),
        new SourceRow("nightly-backup", "ok", "25 h", "3 min ago", "never", 0, 0, 0, false)), model.rows());
    assertEquals("2 sources · 1 missing", model.statusProperty().get());
    assertEquals(false, model.loadingProperty().get());
  }

  @Test
  void refreshShowsTheSourceBackAndAFailureKeepsTheLastRows() throws Exception {
    model.load();
    data.clock.advance(Duration.ofHours(3));
    data.watchdog();
    model.load();

    SourceRow back = model.rows().get(0);
    assertEquals("prometheus-eu", back.name());
    assertEquals("ok", back.status());
    assertEquals("just now", back.lastHeartbeat());
    assertEquals(false, back.missing());
    assertEquals("3 h ago", model.rows().get(1).lastHeartbeat());
    assertEquals("2 sources · none missing", model.statusProperty().get());

    data.receiver.stop();
    model.load();
    assertTrue(model.statusProperty().get().startsWith("Sources not read: "), model.statusProperty().get());
    assertEquals(2, model.rows().size(), "the last list stays while the receiver is away");
  }

  @Test
  void saysIntervalsAndAgesInWords() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    assertEquals("never", SourcesViewModel.ago(null, now));
    assertEquals("just now", SourcesViewModel.ago(now.minusSeconds(59), now));
    assertEquals("119 min ago", SourcesViewModel.ago(now.minusSeconds(7199), now));
    assertEquals("2 h ago", SourcesViewModel.ago(now.minusSeconds(7200), now));
    assertEquals("2 d ago", SourcesViewModel.ago(now.minus(Duration.ofHours(48)), now));
    assertEquals("90 min", SourcesViewModel.interval(Duration.ofMinutes(90)));
    assertEquals("1 h", SourcesViewModel.interval(Duration.ofHours(1)));
    assertEquals("30s", SourcesViewModel.interval(Duration.ofSeconds(30)));
  }
}
