package dev.baton.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PagerDuty Events v2 over HTTP: acknowledge and resolve carry only the dedup key, so they act on
 * the alert their trigger created and never become alerts of their own.
 */
class PagerDutyHttpTest {

  @TempDir Path dir;
  ReceiverHarness r;

  @AfterEach
  void stop() {
    if (r != null) {
      r.close();
    }
  }

  private HttpResponse<String> send(String sample) throws Exception {
    return r.post("/v2/enqueue", ReceiverHarness.sample(sample), "Content-Type", "application/json");
  }

  private List<Object> alertRow() throws Exception {
    List<List<Object>> rows = r.query("SELECT labels, annotations, trigger, state FROM alerts");
    assertEquals(1, rows.size(), "one alert, whatever acts on it: " + rows);
    return rows.get(0);
  }

  @Test
  void acknowledgeAndResolveActOnTheTriggeredAlertAndKeepItsLabels() throws Exception {
    r = new ReceiverHarness(dir, "");
    assertEquals(202, send("pagerduty_trigger.json").statusCode());
    List<Object> triggered = alertRow();
    assertEquals("replication lag", triggered.get(2));
    assertEquals("firing", triggered.get(3));
    assertTrue(((String) triggered.get(0)).contains("\"component\":\"postgres\""), triggered.toString());

    assertEquals(202, send("pagerduty_acknowledge.json").statusCode());
    List<Object> acknowledged = alertRow();
    assertEquals(triggered, acknowledged, "an acknowledgement changes neither labels, annotations, trigger nor state");
    assertEquals(1, r.count("SELECT count(*) FROM timeline WHERE kind = 'alert_acknowledged'"));

    assertEquals(202, send("pagerduty_resolve.json").statusCode());
    List<Object> resolved = alertRow();
    assertEquals(triggered.subList(0, 3), resolved.subList(0, 3), "a resolve keeps labels, annotations and trigger");
    assertEquals("ok", resolved.get(3));
    assertEquals(List.of(List.of("firing", "ok")), r.query("SELECT json_extract(detail, '$.from'),"
        + " json_extract(detail, '$.to') FROM timeline WHERE kind = 'alert_state'"));
    assertEquals(3, r.count("SELECT count(*) FROM events WHERE alert_id = (SELECT id FROM alerts)"));
  }

  @Test
  void acknowledgeOrResolveOfAnUnknownKeyIsDroppedAndCounted() throws Exception {
    r = new ReceiverHarness(dir, "");
    assertEquals(202, send("pagerduty_acknowledge.json").statusCode());
    assertEquals(202, send("pagerduty_resolve.json").statusCode());
    assertEquals(0, r.count("SELECT count(*) FROM alerts"), "no alert made of a bare dedup key");
    assertEquals(0, r.count("SELECT count(*) FROM incidents"));
    assertEquals(2, r.count("SELECT count(*) FROM messages"), "the raw messages are still kept");
    String m = r.get("/metrics").body();
    assertTrue(m.contains("baton_alerts_rejected_total{source=\"127.0.0.1/pagerduty-v2\",endpoint=\"pagerduty-v2\","
        + "reason=\"unknown_dedup_key\"} 2\n"), m);
  }
}
