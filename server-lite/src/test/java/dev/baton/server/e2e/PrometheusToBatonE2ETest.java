package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * it would to an Alertmanager ({@code alerting.alertmanagers}, API v2), and to a real
 * Alertmanager (0.25) beside it. Prometheus refreshes a firing alert with endsAt = now + 4 ×
 * max(resend delay, evaluation interval) = now + 4 s here, and sends an explicit resolve when a
 * rule stops firing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusToBatonE2ETest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private BatonDb db;
  private ReceiverProcess baton;
  private ExternalProcess alertmanager;
  private ExternalProcess prometheus;
  private int prometheusPort;
  private int alertmanagerPort;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path binary = Binaries.prometheus();
    Path alertmanagerBinary = Binaries.alertmanager();
    Path file = dir.resolve("baton.db");
    db = new BatonDb(file);
    baton = ReceiverProcess.start(dir, file);
    alertmanagerPort = ExternalProcess.freePort();
    alertmanager = ExternalProcess.start("alertmanager", List.of(alertmanagerBinary.toString(),
        "--config.file=" + Resources.render("alertmanager-blackhole.yml", dir, Map.of()),
        "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager-data")),
        "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address="), dir.resolve("alertmanager.log"));
    alertmanager.awaitHttpOk("http://127.0.0.1:" + alertmanagerPort + "/-/ready", WAIT);
    Path rules = Resources.render("prometheus-rules.yml", dir, Map.of());
    Path config = Resources.render("prometheus.yml", dir, Map.of("BATON", "127.0.0.1:" + baton.port(),
        "ALERTMANAGER", "127.0.0.1:" + alertmanagerPort, "RULES", rules.toString()));
    prometheusPort = ExternalProcess.freePort();
    prometheus = ExternalProcess.prometheus(binary, config, dir, prometheusPort, "1s", WAIT);
  }

  @AfterAll
  void stop() throws Exception {
    // try-with-resources closes in reverse order (Prometheus first, so it never sends to a stopped peer),
    // skips the ones never started, and closes the others even when one fails
    try (ReceiverProcess b = baton; ExternalProcess a = alertmanager; ExternalProcess p = prometheus) {
      // nothing to do but close
    }
  }

  @Test
  @Order(1)
  void prometheusAlertsArriveThroughApiV2AlertsAndFire() throws Exception {
    StoredAlert always = awaitState("E2EAlwaysFiring", "firing");

    assertEquals("warning", always.labels().get("severity"));
    assertEquals("e2e", always.labels().get("cluster"), "Prometheus's external labels arrive with the alert");
    String target = "alertmanager=\"http://127.0.0.1:" + baton.port() + "/api/v2/alerts\"";
    // Prometheus counts a batch as sent once Baton's answer is back, a moment after Baton stored it
    String promMetrics = Await.until("Prometheus counting alerts sent to Baton's /api/v2/alerts", WAIT,
        () -> Resources.get("http://127.0.0.1:" + prometheusPort + "/metrics"),
        m -> Resources.metric(m, "prometheus_notifications_sent_total{" + target + "}") > 0);
    assertEquals(0.0, Resources.metric(promMetrics, "prometheus_notifications_errors_total{" + target + "}"),
        "Prometheus saw no error from Baton");
    assertEquals(Set.of("alertmanager-v2"), db.messages().stream().map(m -> m.endpoint()).collect(Collectors.toSet()),
        "every message came in through /api/v2/alerts");
  }

  @Test
  @Order(2)
  void batonGivesTheSameFingerprintAsAlertmanagerToTheSameAlert() {
    String fromAlertmanager = Await.until("E2EAlwaysFiring in Alertmanager", WAIT,
        () -> fingerprint("http://127.0.0.1:" + alertmanagerPort, "E2EAlwaysFiring"), f -> f != null);
    String fromBaton = Await.until("E2EAlwaysFiring in Baton's GET /api/v2/alerts", WAIT,
        () -> fingerprint(baton.url(""), "E2EAlwaysFiring"), f -> f != null);

    assertEquals(fromAlertmanager, fromBaton);
  }

  @Test
  @Order(3)
  void anAlertPrometheusResolvesTurnsOk() throws Exception {
    awaitState("E2EFlapping", "firing");
    awaitState("E2EFlapping", "ok");
  }

  @Test
  @Order(4)
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

  /** The fingerprint {@code GET /api/v2/alerts} of Alertmanager's API gives the alert named so, or null. */
  private static String fingerprint(String base, String alertname) throws Exception {
    for (JsonNode alert : JSON.readTree(Resources.get(base + "/api/v2/alerts"))) {
      if (alertname.equals(alert.path("labels").path("alertname").asText())) {
        return alert.path("fingerprint").asText(null);
      }
    }
    return null;
  }

  private StoredAlert awaitState(String alertname, String state) {
    return Await.until(alertname + " stored as " + state, WAIT,
        () -> db.alert(alertname),
        (Optional<StoredAlert> a) -> a.isPresent() && state.equals(a.get().state())).orElseThrow();
  }
}
