package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert's own pending delay ({@code baton_pending_for}) over its severity's, on a real receiver and a fake clock. */
class PendingAnnotationHttpTest {

  @TempDir
  Path dir;

  @Test
  void theAnnotationSetsTheAlertsOwnPendingDelay() throws Exception {
    try (ApiReceiver r = new ApiReceiver(dir, "pending: {S1: 5m}\n")) {
      fire(r, "Short", "30s");
      fire(r, "Plain", null);
      fire(r, "Immediate", "0s");
      fire(r, "Garbled", "soon");
      fire(r, "TooLong", "2d");
      assertEquals(1, open(r, "Immediate"));
      assertEquals(0, open(r, "Short"));

      r.clock.advance(Duration.ofSeconds(31));
      r.server.tick().get();
      assertEquals(1, open(r, "Short"));
      assertEquals(0, open(r, "Plain"));
      assertEquals(0, open(r, "Garbled"));

      r.clock.advance(Duration.ofMinutes(5));
      r.server.tick().get();
      assertEquals(1, open(r, "Plain"));
      assertEquals(1, open(r, "Garbled"), "an annotation that is not a duration leaves the severity's delay");
      assertEquals(1, open(r, "TooLong"), "longer than a day: the severity's delay");
    }
  }

  private static void fire(ApiReceiver r, String alertname, String pendingFor) throws Exception {
    String annotations = pendingFor == null ? "{}" : "{\"baton_pending_for\": \"" + pendingFor + "\"}";
    HttpResponse<String> answer = r.post("/api/v2/alerts", "[{\"labels\": {\"alertname\": \"" + alertname
        + "\", \"project\": \"alpha\", \"severity\": \"critical\"}, \"annotations\": " + annotations + "}]");
    assertEquals(200, answer.statusCode(), answer.body());
  }

  private static int open(ApiReceiver r, String trigger) throws Exception {
    return r.get(200, "/api/v1/incidents?q=" + ApiReceiver.enc("trigger = " + trigger)).path("items").size();
  }
}
