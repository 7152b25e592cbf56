package dev.baton.server.ingest;

import static dev.baton.server.ingest.AlertmanagerApiV2Test.assertReply;
import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:20:00Z");
  private static final String FLAPPING_URL = "http://vm:19090/graph?g0.expr=vector%28time%28%29+%25+30%29+%3C+15&g0.tab=1";
  private final IngestProtocol protocol = Protocols.byPath(IngestLimits.defaults(), "/api/v1/ingest/alertmanager");

  @Test
  void pathAndName() {
    assertEquals("/api/v1/ingest/alertmanager", protocol.path());
    assertEquals("webhook", protocol.name());
  }

  @Test
  void alertmanagerFiringNotification() {
    DecodeResult result = protocol.decode(Samples.bytes("alertmanager_webhook_firing.json"), RECEIVED);

    assertEquals(List.of(new Event(
        Map.of("alertname", "Flapping", "cluster", "bench", "severity", "critical"),
        Map.of("summary", "Fires during the first 15 s of every 30 s window (value 0.5060000419616699)"),
        Kind.LASTING, Status.FIRING, Instant.parse("2026-11-21T13:11:30.506Z"), null, null, null,
        FLAPPING_URL)), result.events());
    assertEquals(List.of(), result.problems());
    assertReply(200, "application/json", "{\"accepted\":1,\"rejected\":[]}", protocol.reply(result));
  }

  @Test
  void alertmanagerResolvedNotification() {
    DecodeResult result = protocol.decode(Samples.bytes("alertmanager_webhook_resolved.json"), RECEIVED);

    assertEquals(List.of(new Event(
        Map.of("alertname", "Flapping", "cluster", "bench", "severity", "critical"),
        Map.of("summary", "Fires during the first 15 s of every 30 s window (value 14.50600004196167)"),
        Kind.LASTING, Status.RESOLVED, Instant.parse("2026-11-21T13:11:30.506Z"),
        Instant.parse("2026-11-21T13:11:45.506Z"), null, null, FLAPPING_URL)), result.events());
  }

  @Test
  void alertmanagerGroupNotificationsCarryEveryAlertAndEmptyUrlIsUnset() {
    DecodeResult firing = protocol.decode(Samples.bytes("alertmanager_webhook_group_firing.json"), RECEIVED);
    DecodeResult resolved = protocol.decode(Samples.bytes("alertmanager_webhook_group_resolved.json"), RECEIVED);

    assertEquals(List.of(
        new Event(Map.of("alertname", "AmtoolGroup", "instance", "a", "severity", "info"),
            Map.of("summary", "grouped alert a"), Kind.LASTING, Status.FIRING,
            Instant.parse("2026-11-21T13:11:22Z"), null, null, null, null),
        new Event(Map.of("alertname", "AmtoolGroup", "instance", "b", "severity", "info"),
            Map.of("summary", "grouped alert b"), Kind.LASTING, Status.FIRING,
            Instant.parse("2026-11-21T13:11:22Z"), null, null, null, null)), firing.events());
    assertEquals(List.of(Status.RESOLVED, Status.RESOLVED), resolved.events().stream().map(Event::status).toList());
    assertEquals(Instant.parse("2026-11-21T13:11:22Z"), resolved.events().get(1).endsAt());
  }

  @Test
  void everyCapturedAlertmanagerNotificationDecodesWithTheStatusItDeclares() {
    List<byte[]> bodies = Samples.postedBodies("alertmanager_webhook_requests.jsonl");
    assertEquals(21, bodies.size());
    int resolvedSeen = 0;
    for (byte[] body : bodies) {
      JsonNode alerts = Samples.tree(body).get("alerts");
      DecodeResult result = protocol.decode(body, RECEIVED);
      assertEquals(List.of(), result.problems());
      assertEquals(alerts.size(), result.events().size());
      for (int i = 0; i < alerts.size(); i++) {
        Event event = result.events().get(i);
        boolean resolved = "resolved".equals(alerts.get(i).get("status").asText());
        assertEquals(resolved ? Status.RESOLVED : Status.FIRING, event.status());
        if (resolved) {
          resolvedSeen++;
          assertEquals(Instant.parse(alerts.get(i).get("endsAt").asText()), event.endsAt());
        } else {
          assertNull(event.endsAt());
        }
        assertEquals(Instant.parse(alerts.get(i).get("startsAt").asText()), event.startsAt());
      }
    }
    assertEquals(6, resolvedSeen);
  }

  @Test
  void grafanaNotificationKeepsLinksAndValuesAsAnnotations() {
    DecodeResult result = protocol.decode(Samples.bytes("grafana_webhook_firing.json"), RECEIVED);

    assertEquals(List.of(), result.problems());
    assertEquals(List.of(
        new Event(
            Map.of("alertname", "Queue depth high", "grafana_folder", "Payments", "queue", "settlements",
                "severity", "warning"),
            Map.of("summary", "Settlement queue above 500 for 5 minutes",
                "runbook_url", "https://runbooks.example/queues",
                "silence_url", "https://grafana.example/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DQueue+depth+high&orgId=3",
                "dashboard_url", "https://grafana.example/d/queues?orgId=3",
                "panel_url", "https://grafana.example/d/queues?orgId=3&viewPanel=4",
                "image_url", "https://grafana.example/public/img/attachments/queue.png",
                "values", "A=612.5, B=1",
                "value_string", "[ var='A' labels={queue=settlements} value=612.5 ], [ var='B' labels={queue=settlements} value=1 ]",
                "grafana_org_id", "3"),
            Kind.LASTING, Status.FIRING, Instant.parse("2026-11-21T13:02:10.123456Z"), null, null, null,
            "https://grafana.example/alerting/grafana/eb1x9c/view?orgId=3"),
        new Event(
            Map.of("alertname", "Queue depth high", "grafana_folder", "Payments", "queue", "refunds",
                "severity", "warning"),
            Map.of("summary", "Refund queue back to normal",
                "silence_url", "https://grafana.example/alerting/silence/new?alertmanager=grafana&matchers=queue%3Drefunds&orgId=3",
                "grafana_org_id", "3"),
            Kind.LASTING, Status.RESOLVED, Instant.parse("2026-11-21T12:50:00Z"),
            Instant.parse("2026-11-21T13:00:00Z"), null, null,
            "https://grafana.example/alerting/grafana/eb1x9c/view?orgId=3")), result.events());
    assertReply(200, "application/json", "{\"accepted\":2,\"rejected\":[]}", protocol.reply(result));
  }

  @Test
  void grafanaLabelNamesAreCheckedLenientlyAndRuleAnnotationsWin() {
    DecodeResult result = decode("{\"version\":\"1\",\"orgId\":1,\"alerts\":[{\"status\":\"firing\","
        + "\"labels\":{\"alertname\":\"x\",\"team name\":\"blue\"},\"annotations\":{\"image_url\":\"mine\"},"
        + "\"imageURL\":\"theirs\"}, {\"status\":\"firing\",\"labels\":{\"bad\\u0001name\":\"v\"}}]}");

    assertEquals(Map.of("alertname", "x", "team name", "blue"), result.events().get(0).labels());
    assertEquals("mine", result.events().get(0).annotations().get("image_url"));
    assertEquals(List.of(new Problem(1, "labels[\"bad\\u0001name\"]",
        "invalid label name \"bad\\u0001name\": control characters are not allowed")), result.problems());
  }

  @Test
  void alertmanagerNamesStayStrict() {
    DecodeResult result = decode("{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"team name\":\"blue\"}}]}");
    assertEquals(List.of(new Problem(0, "labels[\"team name\"]",
        "invalid label name \"team name\": must match [a-zA-Z_][a-zA-Z0-9_]*")), result.problems());
  }

  @Test
  void unknownVersionIsALocatedRejection() {
    DecodeResult result = decode("{\"version\":\"7\",\"alerts\":[]}");
    assertTrue(result.bodyRejected());
    assertEquals(List.of(new Problem(-1, "version",
        "unknown webhook version \"7\": Baton reads \"4\" (Alertmanager) and \"1\" (Grafana)")), result.problems());
    assertReply(400, "application/json", "{\"error\":\"version: unknown webhook version \\\"7\\\": Baton reads "
        + "\\\"4\\\" (Alertmanager) and \\\"1\\\" (Grafana)\",\"problems\":[{\"index\":-1,\"field\":\"version\","
        + "\"message\":\"unknown webhook version \\\"7\\\": Baton reads \\\"4\\\" (Alertmanager) and \\\"1\\\" (Grafana)\"}]}",
        protocol.reply(result));
  }

  @Test
  void missingOrMistypedVersionAndAlerts() {
    assertEquals(List.of(new Problem(-1, "version",
        "is required: \"4\" for Alertmanager webhooks, \"1\" for Grafana webhooks")),
        decode("{\"alerts\":[]}").problems());
    assertEquals(List.of(new Problem(-1, "version",
        "must be a string, \"4\" for Alertmanager or \"1\" for Grafana, got a number (4)")),
        decode("{\"version\":4,\"alerts\":[]}").problems());
    assertEquals(List.of(new Problem(-1, "alerts", "must be an array of alerts, got an object")),
        decode("{\"version\":\"4\",\"alerts\":{}}").problems());
    assertEquals(List.of(new Problem(-1, "", "body must be a JSON object (an Alertmanager or Grafana webhook "
        + "notification), got an array")), decode("[]").problems());
  }

  @Test
  void alertStatusFallsBackToTheNotificationsAndIsValidated() {
    DecodeResult result = decode("{\"version\":\"4\",\"status\":\"resolved\",\"alerts\":["
        + "{\"labels\":{\"a\":\"1\"}},"
        + "{\"labels\":{\"a\":\"2\"},\"status\":\"pending\"},"
        + "{\"labels\":{\"a\":\"3\"},\"status\":\"firing\"}]}");

    assertEquals(List.of(Status.RESOLVED, Status.FIRING), result.events().stream().map(Event::status).toList());
    assertEquals(RECEIVED, result.events().get(0).endsAt(), "resolved without endsAt ends when received");
    assertEquals(List.of(new Problem(1, "status", "must be \"firing\" or \"resolved\", got \"pending\"")),
        result.problems());
    assertFalse(result.bodyRejected());
    JsonNode reply = Samples.tree(protocol.reply(result).body());
    assertEquals(400, protocol.reply(result).status());
    assertEquals(2, reply.get("accepted").asInt());
    assertEquals("1 of 3 alerts rejected, 2 accepted: alerts[1].status: must be \"firing\" or "
        + "\"resolved\", got \"pending\"", reply.get("error").asText());
    assertEquals(1, reply.get("rejected").get(0).get("index").asInt());
    assertEquals("status", reply.get("rejected").get(0).get("field").asText());
  }

  @Test
  void missingStatusEverywhereIsRequired() {
    assertEquals(List.of(new Problem(0, "status", "is required: \"firing\" or \"resolved\"")),
        decode("{\"version\":\"4\",\"alerts\":[{\"labels\":{\"a\":\"1\"}}]}").problems());
  }

  @Test
  void grafanaValuesMustBeAnObjectOfScalars() {
    DecodeResult result = decode("{\"version\":\"1\",\"alerts\":["
        + "{\"status\":\"firing\",\"labels\":{\"a\":\"1\"},\"values\":[1]},"
        + "{\"status\":\"firing\",\"labels\":{\"a\":\"2\"},\"values\":{\"B\":{\"x\":1}}},"
        + "{\"status\":\"firing\",\"labels\":{\"a\":\"3\"},\"imageURL\":42}]}");
    assertEquals(List.of(
        new Problem(0, "values", "must be an object of query names to numbers, got an array"),
        new Problem(1, "values.B", "must be a number, got an object"),
        new Problem(2, "imageURL", "must be a string, got a number (42)")), result.problems());
    assertTrue(result.bodyRejected());
  }

  private DecodeResult decode(String body) {
    return protocol.decode(utf8(body), RECEIVED);
  }
}
