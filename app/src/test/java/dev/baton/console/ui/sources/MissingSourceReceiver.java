package dev.baton.console.ui.sources;

import dev.baton.client.BatonClient;
import dev.baton.console.MovableClock;
import dev.baton.console.TestReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real receiver with two watched sources at a clock the test moves: {@code prometheus-eu}
 * (heartbeat 2 min, token {@code prom}) sent its Watchdog and one alert at the start and then fell
 * silent; {@code nightly-backup} (heartbeat 25 h, no token of its own) beat by the heartbeat call.
 * Three minutes later prometheus-eu is missing since start + 2 min.
 */
final class MissingSourceReceiver implements AutoCloseable {

  /** The tokens of the sources tests: two senders and the console's read token. */
  static final String TOKENS = """
      tokens:
        - {name: prom, role: ingest, secret: "prom-secret-0123456789"}
        - {name: cron, role: ingest, secret: "cron-secret-0123456789"}
        - {name: wall, role: read, secret: "wall-secret-0123456789"}
      """;
  static final String CONFIG = TestReceiver.CONFIG + TOKENS + """
      sources:
        - {name: prometheus-eu, token: prom, default_project: alpha, heartbeat: 2m}
        - {name: nightly-backup, heartbeat: 25h}
      """;
  static final String READ_TOKEN = "wall-secret-0123456789";

  final MovableClock clock;
  final Instant start;
  final TestReceiver receiver;
  final BatonClient reader;

  MissingSourceReceiver(Path dir, Instant start) throws Exception {
    this.start = start;
    clock = new MovableClock(start);
    receiver = TestReceiver.startAt(clock, dir, CONFIG, "prom-secret-0123456789");
    reader = BatonClient.builder(receiver.url()).token(READ_TOKEN).build();
    watchdog();
    receiver.fire("DiskFull", "alpha", "critical", Map.of("server", "db1"), Map.of(), start);
    try (BatonClient cron = BatonClient.builder(receiver.url()).token("cron-secret-0123456789").build()) {
      cron.heartbeat("nightly-backup");
    }
    clock.advance(Duration.ofMinutes(3));
    receiver.tick();
  }

  /** prometheus-eu's always-firing Watchdog: a heartbeat. */
  void watchdog() throws Exception {
    receiver.fire("Watchdog", "alpha", "none", Map.of(), Map.of(), start);
  }

  @Override
  public void close() {
    reader.close();
    receiver.close();
  }
}
