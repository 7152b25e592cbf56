package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.SourceInfo;
import dev.baton.api.model.SourceList;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's heartbeat call and source list against a real embedded receiver. */
class SourcesClientTest {

  private static final String READER = "reader-secret-0123456789";
  private static final String PROM = "prom-secret-0123456789";
  private static final String CRON = "cron-secret-0123456789";

  @TempDir
  Path dir;

  @Test
  void heartbeatsAndTheSourceList() throws Exception {
    String config = """
        tokens:
          - {name: reader, role: read, secret: %s}
          - {name: prom, role: ingest, secret: %s}
          - {name: cron, role: ingest, secret: %s}
        sources:
          - {name: prometheus-eu, token: prom, heartbeat: 2m}
          - {name: nightly-backup, heartbeat: 25h}
        """.formatted(READER, PROM, CRON);
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
            .withConfig(ConfigLoader.parse(config, "test.yml", dir)));
        BatonClient reader = BatonClient.builder(server.url()).token(READER).build();
        BatonClient cron = BatonClient.builder(server.url()).token(CRON).build()) {
      AlertSender.fire(server.url(), PROM, Map.of("alertname", "Watchdog", "severity", "none"));
      AlertSender.fire(server.url(), PROM, Map.of("alertname", "DiskFull", "project", "alpha"));

      SourceInfo beat = cron.heartbeat("nightly-backup");
      assertEquals("ok", beat.status());
      assertEquals(Duration.ofHours(25), beat.heartbeat());
      assertNotNull(beat.lastHeartbeat());

      SourceList list = reader.sources();
      assertEquals("prometheus-eu", list.sources().get(0).name(), "configured sources first, in order");
      SourceInfo prometheus = list.sources().get(0);
      assertTrue(prometheus.configured());
      assertEquals("ok", prometheus.status());
      assertEquals(1, prometheus.alertsReceived());
      assertEquals(1, prometheus.heartbeatsReceived());
      assertEquals(1, prometheus.activeAlerts());
      assertNull(prometheus.missingSince());
      assertEquals("nightly-backup", list.sources().get(1).name());

      BatonApiException unknown = assertThrows(BatonApiException.class, () -> cron.heartbeat("nope"));
      assertEquals(404, unknown.status());
      assertEquals("source", unknown.parameter());
      BatonApiException notIngest = assertThrows(BatonApiException.class, () -> reader.heartbeat("nightly-backup"));
      assertEquals(403, notIngest.status());
    }
  }
}
