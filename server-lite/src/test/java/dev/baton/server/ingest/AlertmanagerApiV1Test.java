package dev.baton.server.ingest;

import static dev.baton.server.ingest.AlertmanagerApiV2Test.assertReply;
import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.Event.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerApiV1Test {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:11:31Z");
  private final IngestProtocol protocol = Protocols.byPath(IngestLimits.defaults(), "/api/v1/alerts");
  private final IngestProtocol v2 = Protocols.byPath(IngestLimits.defaults(), "/api/v2/alerts");

  @Test
  void pathAndName() {
    assertEquals("/api/v1/alerts", protocol.path());
    assertEquals("alertmanager-v1", protocol.name());
  }

  @Test
  void decodesTheSameAlertsAsV2() {
    for (String sample : List.of("prometheus_v2_post_first.json", "prometheus_v2_post_resolved.json",
        "prometheus_v2_post_watchdog.json", "prometheus_v2_post_resend.json")) {
      byte[] body = Samples.bytes(sample);
      DecodeResult result = protocol.decode(body, RECEIVED);
      assertEquals(v2.decode(body, RECEIVED), result, sample);
      assertEquals(Samples.tree(body).size(), result.events().size(), sample);
    }
  }

  @Test
  void successEnvelope() {
    DecodeResult result = protocol.decode(Samples.bytes("prometheus_v2_post_resend.json"), RECEIVED);
    assertEquals(Map.of("alertname", "AlwaysFiring", "cluster", "bench", "severity", "warning", "team", "bench"),
        result.events().get(0).labels());
    assertEquals(Status.FIRING, result.events().get(0).status());
    assertReply(200, "application/json", "{\"status\":\"success\"}", protocol.reply(result));
  }

  @Test
  void badDataEnvelopeNamesTheAlertAndField() {
    DecodeResult result = protocol.decode(utf8("[{\"labels\":{\"a\":\"b\"}},{\"labels\":{}}]"), RECEIVED);
    assertEquals(1, result.events().size());
    assertEquals(List.of(new Problem(1, "labels", "at least one label pair required")), result.problems());
    assertReply(400, "application/json",
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"alerts[1].labels: at least one label pair required\"}",
        protocol.reply(result));
  }

  @Test
  void malformedBodyIsBadData() {
    DecodeResult result = protocol.decode(utf8("[{\"labels\":"), RECEIVED);
    assertTrue(result.bodyRejected());
    String error = Samples.tree(protocol.reply(result).body()).get("error").asText();
    assertTrue(error.startsWith("body is not valid JSON at line 1, column "), error);
    assertEquals("bad_data", Samples.tree(protocol.reply(result).body()).get("errorType").asText());
  }
}
