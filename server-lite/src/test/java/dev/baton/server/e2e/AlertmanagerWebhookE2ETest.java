package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.e2e.BatonDb.StoredAlert;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Alertmanager (Debian's 0.25) with a webhook receiver pointing at Baton's
 * {@code /api/v1/ingest/alertmanager}: its firing and resolved notifications reach Baton, and
 * the resolved one turns the alert {@code ok}.
 */
class AlertmanagerWebhookE2ETest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void firingAndResolvedNotificationsArriveAndTheResolvedAlertTurnsOk(@TempDir Path dir) throws Exception {
    Path binary = Binaries.alertmanager();
    Path file = dir.resolve("baton.db");
    BatonDb db = new BatonDb(file);
    try (ReceiverProcess baton = ReceiverProcess.start(dir, file)) {
      Path config = Resources.render("alertmanager.yml", dir,
          Map.of("WEBHOOK", baton.url("/api/v1/ingest/alertmanager")));
      int port = ExternalProcess.freePort();
      String am = "http://127.0.0.1:" + port;
      try (ExternalProcess alertmanager = ExternalProcess.start("alertmanager", List.of(binary.toString(),
          "--config.file=" + config,
          "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager-data")),
          "--web.listen-address=127.0.0.1:" + port,
          "--cluster.listen-address="), dir.resolve("alertmanager.log"))) {
        alertmanager.awaitHttpOk(am + "/-/ready", WAIT);

        Instant startsAt = Instant.now();
        post(am, alert(startsAt, startsAt.plus(Duration.ofMinutes(5))));
        StoredAlert firing = awaitState(db, "firing");
        assertEquals("db-1", firing.labels().get("instance"));
        assertEquals("critical", firing.labels().get("severity"));

        post(am, alert(startsAt, Instant.now()));
        awaitState(db, "ok");

        String metrics = Resources.get(am + "/metrics");
        assertTrue(Resources.metric(metrics, "alertmanager_notifications_total{integration=\"webhook\"}") >= 2,
            "Alertmanager sent a firing and a resolved notification");
        assertEquals(0.0, Resources.metric(metrics, "alertmanager_notifications_failed_total{integration=\"webhook\"}"),
            "Baton accepted every notification; Alertmanager's log:\n" + alertmanager.log());
        List<BatonDb.StoredMessage> messages = db.messages();
        assertTrue(messages.stream().allMatch(m -> m.endpoint().equals("webhook")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.body().contains("\"status\":\"firing\"")),
            "a firing notification is stored as received");
        assertTrue(messages.stream().anyMatch(m -> m.body().contains("\"status\":\"resolved\"")),
            "a resolved notification is stored as received");
      }
    }
  }

  private static String alert(Instant startsAt, Instant endsAt) {
    return "[{\"labels\":{\"alertname\":\"E2EWebhook\",\"instance\":\"db-1\",\"severity\":\"critical\"},"
        + "\"annotations\":{\"summary\":\"Posted to Alertmanager, delivered by its webhook\"},"
        + "\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + endsAt + "\"}]";
  }

  private static void post(String alertmanager, String alerts) throws Exception {
    HttpResponse<String> r = Resources.postJson(alertmanager + "/api/v2/alerts", alerts);
    assertEquals(200, r.statusCode(), "Alertmanager refused the test's alert: " + r.body());
  }

  private static StoredAlert awaitState(BatonDb db, String state) {
    return Await.until("E2EWebhook stored as " + state, WAIT,
        () -> db.alert("E2EWebhook"),
        (Optional<StoredAlert> a) -> a.isPresent() && state.equals(a.get().state())).orElseThrow();
  }
}
