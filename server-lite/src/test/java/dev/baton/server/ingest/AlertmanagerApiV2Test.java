package dev.baton.server.ingest;

import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import dev.baton.server.ingest.IngestProtocol.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerApiV2Test {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:11:31Z");
  private final IngestProtocol protocol = Protocols.byPath(IngestLimits.defaults(), "/api/v2/alerts");

  @Test
  void pathAndName() {
    assertEquals("/api/v2/alerts", protocol.path());
    assertEquals("alertmanager-v2", protocol.name());
  }

  @Test
  void prometheusFirstPushIsOneFiringLastingAlert() {
    DecodeResult result = protocol.decode(Samples.bytes("prometheus_v2_post_first.json"), RECEIVED);

    assertEquals(List.of(), result.problems());
    assertFalse(result.bodyRejected());
    assertEquals(List.of(new Event(
        Map.of("alertname", "Flapping", "cluster", "bench", "severity", "critical"),
        Map.of("summary", "Fires during the first 15 s of every 30 s window (value 0.5060000419616699)"),
        Kind.LASTING, Status.FIRING,
        Instant.parse("2026-11-21T13:11:30.506Z"), Instant.parse("2026-11-21T13:15:30.506Z"),
        null, null,
        "http://vm:19090/graph?g0.expr=vector%28time%28%29+%25+30%29+%3C+15&g0.tab=1")), result.events());
    assertReply(200, null, "", protocol.reply(result));
  }

  @Test
  void prometheusResolveHasEndsAtBeforeReceipt() {
    Instant received = Instant.parse("2026-11-21T13:11:45.930Z");
    DecodeResult result = protocol.decode(Samples.bytes("prometheus_v2_post_resolved.json"), received);

    Event event = result.events().get(0);
    assertEquals(Status.RESOLVED, event.status());
    assertEquals(Instant.parse("2026-11-21T13:11:45.506Z"), event.endsAt());
    assertEquals(Instant.parse("2026-11-21T13:11:30.506Z"), event.startsAt());
  }

  @Test
  void endsAtEqualToReceiptIsResolvedAndOneMillisecondLaterFiring() {
    Instant endsAt = Instant.parse("2026-11-21T13:11:45.506Z");
    byte[] body = Samples.bytes("prometheus_v2_post_resolved.json");
    assertEquals(Status.RESOLVED, protocol.decode(body, endsAt).events().get(0).status());
    assertEquals(Status.FIRING, protocol.decode(body, endsAt.minusMillis(1)).events().get(0).status());
  }

  @Test
  void prometheusBatchKeepsOrderAndAllFields() {
    DecodeResult result = protocol.decode(Samples.bytes("prometheus_v2_post_watchdog.json"), RECEIVED);

    assertEquals(2, result.events().size());
    Event watchdog = result.events().get(0);
    Event always = result.events().get(1);
    assertEquals(Map.of("alertname", "Watchdog", "cluster", "bench", "severity", "none"), watchdog.labels());
    assertEquals(Map.of(
        "description", "This alert always fires. If it stops arriving, the alerting pipeline is broken.",
        "summary", "Alerting pipeline heartbeat"), watchdog.annotations());
    assertEquals(Map.of("alertname", "AlwaysFiring", "cluster", "bench", "severity", "warning", "team", "bench"),
        always.labels());
    assertEquals(Instant.parse("2026-11-21T13:16:13.506Z"), always.endsAt());
    assertEquals("http://vm:19090/graph?g0.expr=vector%281%29+%3E+0&g0.tab=1", always.generatorUrl());
    assertEquals(Status.FIRING, always.status());
  }

  @Test
  void everyCapturedPrometheusPushDecodesCompletely() {
    List<byte[]> bodies = Samples.postedBodies("prometheus_v2_requests.jsonl");
    assertEquals(11, bodies.size());
    for (byte[] body : bodies) {
      DecodeResult result = protocol.decode(body, RECEIVED);
      assertEquals(List.of(), result.problems());
      assertEquals(Samples.tree(body).size(), result.events().size());
      for (Event event : result.events()) {
        assertEquals(Kind.LASTING, event.kind());
        assertTrue(event.labels().containsKey("alertname"));
        assertEquals("bench", event.labels().get("cluster"));
        assertNull(event.refreshInterval());
        assertNull(event.dedupKey());
      }
    }
  }

  @Test
  void amtoolZeroTimesAreUnset() {
    DecodeResult result = protocol.decode(Samples.capturedBody("amtool_alert_add_minimal.json"), RECEIVED);

    assertEquals(List.of(new Event(
        Map.of("alertname", "AmtoolMinimal", "instance", "host-1:9100", "severity", "warning"), Map.of(),
        Kind.LASTING, Status.FIRING, null, null, null, null, null)), result.events());
  }

  @Test
  void amtoolFullAlert() {
    DecodeResult result = protocol.decode(Samples.capturedBody("amtool_alert_add_full.json"), RECEIVED);

    assertEquals(List.of(new Event(
        Map.of("alertname", "AmtoolFull", "instance", "host-2:9100", "namespace", "prod", "severity", "critical"),
        Map.of("runbook_url", "https://runbooks.example/disk", "summary", "Disk almost full"),
        Kind.LASTING, Status.FIRING,
        Instant.parse("2026-11-21T13:11:12Z"), Instant.parse("2026-11-21T14:11:12Z"), null, null,
        "http://prometheus.example:9090/graph")), result.events());
  }

  @Test
  void everyCapturedAmtoolPostDecodes() {
    for (byte[] body : Samples.postedBodies("amtool_requests.jsonl")) {
      DecodeResult result = protocol.decode(body, RECEIVED);
      assertEquals(List.of(), result.problems());
      assertEquals(1, result.events().size());
    }
  }

  // The five requests Alertmanager 0.25 answered in alertmanager_post_api_v2_alerts_responses.txt.

  @Test
  void answersLikeAlertmanagerToACurlProbe() {
    DecodeResult result = decode("[{\"labels\":{\"alertname\":\"CurlProbe\",\"severity\":\"info\"}}]");
    assertEquals(1, result.events().size());
    assertReply(200, null, "", protocol.reply(result));
  }

  @Test
  void emptyLabelSetIsRejectedWithAlertmanagersWordsAndTheAlertsPosition() {
    DecodeResult result = decode("[{\"labels\":{}}]");
    assertEquals(List.of(new Problem(0, "labels", "at least one label pair required")), result.problems());
    assertTrue(result.bodyRejected());
    assertReply(400, "application/json", "\"alerts[0].labels: at least one label pair required\"",
        protocol.reply(result));
  }

  @Test
  void notJsonIsRejectedWithCodeAndLocatedMessage() {
    DecodeResult result = decode("not json");
    assertTrue(result.bodyRejected());
    assertEquals(1, result.problems().size());
    Problem problem = result.problems().get(0);
    assertEquals(-1, problem.index());
    assertTrue(problem.message().startsWith("body is not valid JSON at line 1, column "), problem.message());
    Reply reply = protocol.reply(result);
    assertEquals(400, reply.status());
    assertEquals("application/json", reply.contentType());
    assertEquals(400, Samples.tree(reply.body()).get("code").asInt());
    assertEquals(problem.message(), Samples.tree(reply.body()).get("message").asText());
  }

  @Test
  void emptyArrayIsAcceptedWithNothingToStore() {
    DecodeResult result = decode("[]");
    assertEquals(List.of(), result.events());
    assertEquals(List.of(), result.problems());
    assertTrue(result.bodyRejected());
    assertReply(200, null, "", protocol.reply(result));
  }

  @Test
  void endsAtBeforeStartsAtIsRejected() {
    DecodeResult result = decode(
        "[{\"labels\":{\"alertname\":\"Bad\"},\"startsAt\":\"2024-01-02T00:00:00Z\",\"endsAt\":\"2024-01-01T00:00:00Z\"}]");
    assertEquals(List.of(new Problem(0, "endsAt",
        "start time must be before end time (startsAt 2024-01-02T00:00:00Z, endsAt 2024-01-01T00:00:00Z)")),
        result.problems());
    assertReply(400, "application/json",
        "\"alerts[0].endsAt: start time must be before end time (startsAt 2024-01-02T00:00:00Z, endsAt 2024-01-01T00:00:00Z)\"",
        protocol.reply(result));
  }

  @Test
  void partialBatchKeepsValidAlertsAndLocatesEveryInvalidOne() {
    DecodeResult result = decode("[{\"labels\":{\"alertname\":\"A\"}}, {\"labels\":{}}, \"oops\", 7,"
        + " {\"labels\":{\"alertname\":\"B\",\"bad-name\":\"x\"},\"endsAt\":\"yesterday\"}, {\"labels\":{\"alertname\":\"C\"}}]");

    assertEquals(List.of("A", "C"), result.events().stream().map(e -> e.labels().get("alertname")).toList());
    assertFalse(result.bodyRejected());
    assertEquals(List.of(
        new Problem(1, "labels", "at least one label pair required"),
        new Problem(2, "", "each alert must be a JSON object, got a string \"oops\""),
        new Problem(3, "", "each alert must be a JSON object, got a number (7)"),
        new Problem(4, "labels[\"bad-name\"]", "invalid label name \"bad-name\": must match [a-zA-Z_][a-zA-Z0-9_]*"),
        new Problem(4, "endsAt", "is not an RFC 3339 time with a zone, like 2026-11-21T13:11:30Z: \"yesterday\"")),
        result.problems());
    assertReply(400, "application/json", "\"alerts[1].labels: at least one label pair required; "
        + "alerts[2]: each alert must be a JSON object, got a string \\\"oops\\\"; "
        + "alerts[3]: each alert must be a JSON object, got a number (7); "
        + "alerts[4].labels[\\\"bad-name\\\"]: invalid label name \\\"bad-name\\\": must match [a-zA-Z_][a-zA-Z0-9_]*; "
        + "alerts[4].endsAt: is not an RFC 3339 time with a zone, like 2026-11-21T13:11:30Z: \\\"yesterday\\\"\"",
        protocol.reply(result));
  }

  @Test
  void objectInsteadOfArrayIsRejectedAsAWhole() {
    DecodeResult result = decode("{\"labels\":{\"alertname\":\"A\"}}");
    assertEquals(List.of(new Problem(-1, "", "body must be a JSON array of alerts, got an object")), result.problems());
    assertTrue(result.bodyRejected());
    assertEquals(400, protocol.reply(result).status());
  }

  @Test
  void emptyAndNullLabelValuesAreDroppedAsAlertmanagerDoes() {
    DecodeResult result = decode("[{\"labels\":{\"alertname\":\"A\",\"empty\":\"\",\"nil\":null}}]");
    assertEquals(Map.of("alertname", "A"), result.events().get(0).labels());

    DecodeResult onlyEmpty = decode("[{\"labels\":{\"alertname\":\"\"}}]");
    assertEquals(List.of(new Problem(0, "labels", "at least one label pair required")), onlyEmpty.problems());
  }

  @Test
  void nullTimesAndUrlAreUnset() {
    Event event = decode("[{\"labels\":{\"a\":\"b\"},\"startsAt\":null,\"endsAt\":null,\"generatorURL\":null}]")
        .events().get(0);
    assertNull(event.startsAt());
    assertNull(event.endsAt());
    assertNull(event.generatorUrl());
    assertEquals(Status.FIRING, event.status());
  }

  @Test
  void annotationNamesFollowLabelRules() {
    DecodeResult result = decode("[{\"labels\":{\"a\":\"b\"},\"annotations\":{\"1st\":\"x\"}}]");
    assertEquals(List.of(new Problem(0, "annotations[\"1st\"]",
        "invalid annotation name \"1st\": must match [a-zA-Z_][a-zA-Z0-9_]*")), result.problems());
  }

  private DecodeResult decode(String body) {
    return protocol.decode(utf8(body), RECEIVED);
  }

  static void assertReply(int status, String contentType, String body, Reply reply) {
    assertEquals(status, reply.status());
    assertEquals(contentType, reply.contentType());
    assertEquals(body, new String(reply.body(), StandardCharsets.UTF_8));
  }
}
