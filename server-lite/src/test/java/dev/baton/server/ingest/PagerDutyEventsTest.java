package dev.baton.server.ingest;

import static dev.baton.server.ingest.AlertmanagerApiV2Test.assertReply;
import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerDutyEventsTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:20:00Z");
  private final IngestProtocol protocol = Protocols.byPath(IngestLimits.defaults(), "/v2/enqueue");

  @Test
  void pathAndName() {
    assertEquals("/v2/enqueue", protocol.path());
    assertEquals("pagerduty-v2", protocol.name());
  }

  @Test
  void fullTriggerMapsToStableLabelsAndAnnotations() {
    DecodeResult result = decode("""
        {"payload": {"summary": "Replication lag 42s on db-2", "timestamp": "2026-11-21T13:19:58.315+0000",
                     "source": "db-2.example", "severity": "error", "component": "postgres",
                     "group": "prod-datapipe", "class": "replication lag",
                     "custom_details": {"lag seconds": 42, "primary": "db-1"}},
         "routing_key": "0123456789abcdef0123456789abcdef", "dedup_key": "lag-db-2",
         "images": [{"src": "https://graphs.example/lag.png", "href": "https://graphs.example/", "alt": "lag"}],
         "links": [{"href": "https://runbooks.example/lag", "text": "Runbook"}],
         "event_action": "trigger", "client": "Checker", "client_url": "https://checker.example/db-2"}
        """);

    assertEquals(List.of(), result.problems());
    assertEquals(List.of(new Event(
        Map.of("alertname", "replication lag", "source", "db-2.example", "severity", "error",
            "component", "postgres", "group", "prod-datapipe", "dedup_key", "lag-db-2"),
        Map.of("summary", "Replication lag 42s on db-2",
            "custom_details", "{\"lag seconds\":42,\"primary\":\"db-1\"}",
            "links", "[{\"href\":\"https://runbooks.example/lag\",\"text\":\"Runbook\"}]",
            "images", "[{\"src\":\"https://graphs.example/lag.png\",\"href\":\"https://graphs.example/\",\"alt\":\"lag\"}]",
            "image_url", "https://graphs.example/lag.png",
            "client", "Checker", "client_url", "https://checker.example/db-2"),
        Kind.LASTING, Status.FIRING, Instant.parse("2026-11-21T13:19:58.315Z"), null, null, "lag-db-2",
        "https://checker.example/db-2")), result.events());
    assertReply(202, "application/json",
        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"lag-db-2\"}", protocol.reply(result));
  }

  @Test
  void minimalTriggerGetsAGeneratedKeyThatTheReplyReturns() {
    String body = "{\"routing_key\":\"k\",\"event_action\":\"trigger\","
        + "\"payload\":{\"summary\":\"Backup failed\",\"source\":\"nas-1\",\"severity\":\"critical\"}}";
    DecodeResult first = decode(body);
    DecodeResult second = decode(body);

    Event event = first.events().get(0);
    assertTrue(event.dedupKey().matches("[0-9a-f]{32}"), event.dedupKey());
    assertEquals(Map.of("alertname", "Backup failed", "source", "nas-1", "severity", "critical",
        "dedup_key", event.dedupKey()), event.labels());
    assertEquals(Map.of("summary", "Backup failed"), event.annotations());
    assertNotEquals(event.dedupKey(), second.events().get(0).dedupKey(), "each trigger without a key is a new alert");
    JsonNode reply = Samples.tree(protocol.reply(first).body());
    assertEquals(event.dedupKey(), reply.get("dedup_key").asText());
  }

  @Test
  void acknowledgeAndResolveCarryOnlyTheKey() {
    DecodeResult ack = decode("{\"routing_key\":\"k\",\"dedup_key\":\"lag-db-2\",\"event_action\":\"acknowledge\"}");
    DecodeResult resolve = decode("{\"routing_key\":\"k\",\"dedup_key\":\"lag-db-2\",\"event_action\":\"resolve\"}");

    assertEquals(List.of(new Event(Map.of("dedup_key", "lag-db-2"), Map.of(), Kind.LASTING, Status.ACKNOWLEDGED,
        null, null, null, "lag-db-2", null)), ack.events());
    assertEquals(List.of(new Event(Map.of("dedup_key", "lag-db-2"), Map.of(), Kind.LASTING, Status.RESOLVED,
        null, RECEIVED, null, "lag-db-2", null)), resolve.events());
    assertReply(202, "application/json",
        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"lag-db-2\"}", protocol.reply(resolve));
  }

  @Test
  void followUpsNeedAKey() {
    DecodeResult result = decode("{\"routing_key\":\"k\",\"event_action\":\"resolve\",\"dedup_key\":\"  \"}");
    assertEquals(List.of(new Problem(0, "dedup_key",
        "is required for acknowledge and resolve: the key the trigger used or got back")), result.problems());
    assertTrue(result.bodyRejected());
    assertReply(400, "application/json", "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
        + "\"errors\":[\"'dedup_key' is required for acknowledge and resolve: the key the trigger used or got back\"]}",
        protocol.reply(result));
  }

  @Test
  void triggerValidationListsEveryProblemPagerDutyStyle() {
    DecodeResult result = decode("{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"\",\"severity\":\"high\","
        + "\"timestamp\":\"yesterday\"},\"links\":[{\"text\":\"no href\"}],\"images\":{}}");

    assertEquals(List.of(
        new Problem(0, "routing_key", "is required"),
        new Problem(0, "payload.summary", "must not be blank"),
        new Problem(0, "payload.source", "is required"),
        new Problem(0, "payload.severity",
            "is invalid (must be one of \"critical\", \"error\", \"warning\" or \"info\"), got \"high\""),
        new Problem(0, "payload.timestamp", "is not an RFC 3339 time with a zone, like 2026-11-21T13:11:30Z: \"yesterday\""),
        new Problem(0, "links[0].href", "is required: a URL string"),
        new Problem(0, "images", "must be an array of objects, got an object")), result.problems());
    JsonNode reply = Samples.tree(protocol.reply(result).body());
    assertEquals(400, protocol.reply(result).status());
    assertEquals("invalid event", reply.get("status").asText());
    assertEquals("Event object is invalid", reply.get("message").asText());
    assertEquals("'routing_key' is required", reply.get("errors").get(0).asText());
    assertEquals("'payload.severity' is invalid (must be one of \"critical\", \"error\", \"warning\" or \"info\"), got \"high\"",
        reply.get("errors").get(3).asText());
  }

  @Test
  void actionAndPayloadShape() {
    assertEquals(List.of(new Problem(0, "event_action",
        "is invalid (must be one of \"trigger\", \"acknowledge\" or \"resolve\"), got \"page\"")),
        decode("{\"routing_key\":\"k\",\"event_action\":\"page\"}").problems());
    assertEquals(List.of(new Problem(0, "event_action", "is required")),
        decode("{\"routing_key\":\"k\"}").problems());
    assertEquals(List.of(new Problem(0, "payload", "is required for a trigger: {\"summary\", \"source\", \"severity\"}")),
        decode("{\"routing_key\":\"k\",\"event_action\":\"trigger\"}").problems());
    assertEquals(List.of(new Problem(0, "payload", "must be an object, got a string \"x\"")),
        decode("{\"routing_key\":\"k\",\"event_action\":\"trigger\",\"payload\":\"x\"}").problems());
  }

  @Test
  void summaryIsBoundedAsPagerDutyBoundsIt() {
    String summary = "s".repeat(1025);
    DecodeResult result = decode("{\"routing_key\":\"k\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\""
        + summary + "\",\"source\":\"x\",\"severity\":\"info\"}}");
    assertEquals(List.of(new Problem(0, "payload.summary", "is 1025 characters long; at most 1024 allowed")),
        result.problems());
  }

  @Test
  void imageSourcesMustBeValidText() {
    DecodeResult result = decode("{\"routing_key\":\"k\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\","
        + "\"source\":\"x\",\"severity\":\"info\"},\"images\":[{\"src\":\"a\\u0000b\"}]}");
    assertEquals(List.of(new Problem(0, "images[0].src",
        "contains a NUL character or an unpaired surrogate; send valid Unicode text")), result.problems());
  }

  @Test
  void labelCountLimitAppliesToTheMappedLabels() {
    IngestProtocol tight = Protocols.byPath(new IngestLimits(3, 64, 64, 1024, 10), "/v2/enqueue");
    DecodeResult result = tight.decode(Samples.bytes("pagerduty_trigger.json"), RECEIVED);
    assertEquals(List.of(new Problem(0, "payload",
        "maps to 6 labels (alertname, source, severity, component, group, dedup_key); at most 3 allowed")),
        result.problems());
  }

  @Test
  void stringDetailsAreKeptAsSent() {
    Event event = decode("{\"routing_key\":\"k\",\"event_action\":\"trigger\",\"dedup_key\":\"d\",\"payload\":"
        + "{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"info\",\"custom_details\":\"free text\"}}").events().get(0);
    assertEquals("free text", event.annotations().get("custom_details"));
    assertFalse(event.labels().containsKey("component"));
  }

  @Test
  void wholeBodyProblems() {
    DecodeResult array = decode("[{\"routing_key\":\"k\"}]");
    assertEquals(List.of(new Problem(-1, "", "body must be one PagerDuty event object, got an array")), array.problems());
    assertReply(400, "application/json", "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
        + "\"errors\":[\"body must be one PagerDuty event object, got an array\"]}", protocol.reply(array));
    assertTrue(decode("{").bodyRejected());
  }

  private DecodeResult decode(String body) {
    return protocol.decode(utf8(body), RECEIVED);
  }
}
