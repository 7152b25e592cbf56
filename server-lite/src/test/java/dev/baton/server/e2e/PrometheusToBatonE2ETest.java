package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.e2e.BatonDb.StoredAlert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's 2.42) evaluates rules every second and sends its alerts to Baton as
 * it would to an Alertmanager ({@code alerting.alertmanagers}, API v2). Prometheus refreshes a
 * firing alert with endsAt = now + 4 × max(resend delay, evaluation interval) = now + 4 s here, and
 * sends an explicit resolve when a rule stops firing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusToBatonE2ETest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private BatonDb db;
  private ReceiverProcess baton;
  private ExternalProcess prometheus;
  private int prometheusPort;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path binary = Binaries.prometheus();
    Path file = dir.resolve("baton.db");
    db = new BatonDb(file);
    baton = ReceiverProcess.start(dir, file);
    Path rules = Resources.render("prometheus-rules.yml", dir, Map.of());
    Path config = Resources.render("prometheus.yml", dir,
        Map.of("BATON", "127.0.0.1:" + baton.port(), "RULES", rules.toString()));
    prometheusPort = ExternalProcess.freePort();
    prometheus = ExternalProcess.start("prometheus", List.of(binary.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prometheus-data")),
        "--web.listen-address=127.0.0.1:" + prometheusPort,
        "--rules.alert.resend-delay=1s"), dir.resolve("prometheus.log"));
    prometheus.awaitHttpOk("http://127.0.0.1:" + prometheusPort + "/-/ready", WAIT);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (prometheus != null) {
        prometheus.close();
      }
    } finally {
      if (baton != null) {
        baton.close();
      }
    }
  }

  @Test
  @Order(1)
  void prometheusAlertsArriveThroughApiV2AlertsAndFire() throws Exception {
    StoredAlert always = awaitState("E2EAlwaysFiring", "firing");

    assertEquals("warning", always.labels().get("severity"));
    assertEquals("e2e", always.labels().get("cluster"), "Prometheus's external labels arrive with the alert");
    String promMetrics = Resources.get("http://127.0.0.1:" + prometheusPort + "/metrics");
    String target = "alertmanager=\"http://127.0.0.1:" + baton.port() + "/api/v2/alerts\"";
    assertTrue(Resources.metric(promMetrics, "prometheus_notifications_sent_total{" + target + "}") > 0,
        "Prometheus counts alerts sent to Baton's /api/v2/alerts");
    assertEquals(0.0, Resources.metric(promMetrics, "prometheus_notifications_errors_total{" + target + "}"),
        "Prometheus saw no error from Baton");
    assertEquals(Set.of("alertmanager-v2"), db.messages().stream().map(m -> m.endpoint()).collect(Collectors.toSet()),
        "every message came in through /api/v2/alerts");
  }

  @Test
  @Order(2)
  void anAlertPrometheusResolvesTurnsOk() throws Exception {
    awaitState("E2EFlapping", "firing");
    awaitState("E2EFlapping", "ok");
  }

  @Test
  @Order(3)
  void alertsOfAStoppedPrometheusTurnUnknownNotOk() throws Exception {
    awaitState("E2EAlwaysFiring", "firing");
    prometheus.stop();

    // endsAt (now + 4 s) passes with no resolve: silence is not health.
    StoredAlert always = awaitState("E2EAlwaysFiring", "unknown");
    assertEquals("unknown", always.state());
    // and it stays unknown: nothing turns it ok later
    Thread.sleep(2_000);
    assertEquals("unknown", db.alert("E2EAlwaysFiring").orElseThrow().state());
  }

  private StoredAlert awaitState(String alertname, String state) {
    return Await.until(alertname + " stored as " + state, WAIT,
        () -> db.alert(alertname),
        (Optional<StoredAlert> a) -> a.isPresent() && state.equals(a.get().state())).orElseThrow();
  }
}
