package dev.baton.console.ui.sources;

import dev.baton.client.BatonClient;
import dev.baton.console.MovableClock;
import dev.baton.console.TestReceiver;
import dev.baton.console.sources.ApiSources;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.analytics.ReportScreenshots;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * docs/screenshots/sources.png: a real receiver with five sources an hour after it started:
 * prometheus-eu silent for 50 minutes (missing, its alerts unknown), the others beating, one
 * watched source never heard and one not watched.
 */
public final class SourcesScreenshots {

  private static final String CONFIG = TestReceiver.CONFIG + MissingSourceReceiver.TOKENS + """
      sources:
        - {name: prometheus-eu, token: prom, default_project: alpha, heartbeat: 2m}
        - {name: prometheus-us, heartbeat: 2m}
        - {name: nightly-backup, heartbeat: 25h}
        - {name: blackbox-probes, heartbeat: 90m}
        - {name: grafana-alerts}
      """;

  private SourcesScreenshots() {
  }

  public static void render(ReportScreenshots.Save save) throws Exception {
    Path dir = Files.createTempDirectory("baton-sources-screenshots");
    Instant now = Instant.now();
    MovableClock clock = new MovableClock(now.minus(Duration.ofHours(1)));
    try (TestReceiver receiver = TestReceiver.startAt(clock, dir, CONFIG, "prom-secret-0123456789");
        BatonClient cron = BatonClient.builder(receiver.url()).token("cron-secret-0123456789").build();
        BatonClient reader = BatonClient.builder(receiver.url()).token(MissingSourceReceiver.READ_TOKEN).build();
        FxTaskExecutor tasks = new FxTaskExecutor(2)) {
      cron.heartbeat("nightly-backup");
      cron.heartbeat("grafana-alerts");
      for (int minute = 0; minute < 10; minute++) {
        for (String alert : new String[] {"Watchdog", "DiskFull", "HighErrorRate", "KafkaConsumerLag"}) {
          if (minute == 0 || "Watchdog".equals(alert)) {
            receiver.fire(alert, "alpha", "critical", Map.of("server", "db1"), Map.of(), clock.instant());
          }
        }
        cron.heartbeat("prometheus-us");
        clock.advance(Duration.ofMinutes(1));
      }
      while (clock.instant().isBefore(now)) {
        cron.heartbeat("prometheus-us");
        clock.advance(Duration.ofMinutes(1));
        receiver.tick();
      }
      SourcesView view = FxTestSupport.onFx(() -> {
        SourcesView v = new SourcesView(new SourcesViewModel(new ApiSources(reader), tasks,
            Clock.fixed(clock.instant(), ZoneOffset.UTC)));
        Stage stage = v.show(null);
        stage.setWidth(1380);
        stage.setHeight(360);
        return v;
      });
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.table().getItems().size() == 5);
      save.save(view.table().getScene(), "sources.png");
      FxTestSupport.onFx(() -> view.table().getScene().getWindow().hide());
    }
  }
}
