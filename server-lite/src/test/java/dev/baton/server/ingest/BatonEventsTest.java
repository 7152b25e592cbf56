package dev.baton.server.ingest;

import static dev.baton.server.ingest.AlertmanagerApiV2Test.assertReply;
import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatonEventsTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:20:00Z");
  private final IngestProtocol protocol = Protocols.byPath(IngestLimits.defaults(), "/api/v1/events");

  @Test
  void pathAndName() {
    assertEquals("/api/v1/events", protocol.path());
    assertEquals("baton-events", protocol.name());
  }

  @Test
  void singleLastingEventWithEveryField() {
    DecodeResult result = decode("""
        {"labels": {"alertname": "DiskFull", "host": "db-1", "severity": "critical"},
         "annotations": {"summary": "/var is 97% full", "runbook_url": "https://runbooks.example/disk"},
         "kind": "lasting", "status": "firing",
         "starts_at": "2026-11-21T13:00:00+01:00", "ends_at": "2026-11-21T13:30:00Z",
         "refresh": "5m", "dedup_key": "disk-db-1", "url": "https://monitor.example/db-1"}
        """);

    assertEquals(List.of(new Event(
        Map.of("alertname", "DiskFull", "host", "db-1", "severity", "critical"),
        Map.of("summary", "/var is 97% full", "runbook_url", "https://runbooks.example/disk"),
        Kind.LASTING, Status.FIRING, Instant.parse("2026-11-21T12:00:00Z"), Instant.parse("2026-11-21T13:30:00Z"),
        Duration.ofMinutes(5), "disk-db-1", "https://monitor.example/db-1")), result.events());
    assertEquals(List.of(), result.problems());
    assertReply(200, "application/json", "{\"accepted\":1,\"rejected\":[]}", protocol.reply(result));
  }

  @Test
  void defaultsAreAFiringLastingEventWithNoTimes() {
    DecodeResult result = decode("{\"labels\": {\"alertname\": \"Ping\"}}");
    assertEquals(List.of(new Event(Map.of("alertname", "Ping"), Map.of(), Kind.LASTING, Status.FIRING,
        null, null, null, null, null)), result.events());
  }

  @Test
  void arrayOfInstantAndResolvedEvents() {
    DecodeResult result = decode("""
        [{"labels": {"alertname": "DeployDone", "service": "api"}, "kind": "instant",
          "starts_at": "2026-11-21T13:19:58Z"},
         {"labels": {"alertname": "DiskFull", "host": "db-1"}, "status": "resolved"},
         {"labels": {"alertname": "DiskFull", "host": "db-2"}, "status": "resolved",
          "starts_at": "2026-11-21T12:00:00Z", "ends_at": "2026-11-21T12:10:00Z"}]
        """);

    assertEquals(List.of(
        new Event(Map.of("alertname", "DeployDone", "service", "api"), Map.of(), Kind.INSTANT, Status.FIRING,
            Instant.parse("2026-11-21T13:19:58Z"), null, null, null, null),
        new Event(Map.of("alertname", "DiskFull", "host", "db-1"), Map.of(), Kind.LASTING, Status.RESOLVED,
            null, RECEIVED, null, null, null),
        new Event(Map.of("alertname", "DiskFull", "host", "db-2"), Map.of(), Kind.LASTING, Status.RESOLVED,
            Instant.parse("2026-11-21T12:00:00Z"), Instant.parse("2026-11-21T12:10:00Z"), null, null, null)),
        result.events());
    assertReply(200, "application/json", "{\"accepted\":3,\"rejected\":[]}", protocol.reply(result));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"30s\"    | PT30S",
      "\"5m\"     | PT5M",
      "\"1h30m\"  | PT1H30M",
      "\"1d\"     | PT24H",
      "\"1500ms\" | PT1.5S",
      "300        | PT5M",
      "2.5        | PT2.5S",
  })
  void refreshAcceptsDurationsAndSeconds(String json, String expected) {
    Event event = decode("{\"labels\":{\"a\":\"b\"},\"refresh\":" + json + "}").events().get(0);
    assertEquals(Duration.parse(expected), event.refreshInterval());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"5x\"        | must be a duration like \"30s\", \"5m\" or \"1h30m\" (units ms, s, m, h, d) or a number of seconds, got \"5x\"",
      "\"\"          | must be a duration like \"30s\", \"5m\" or \"1h30m\" (units ms, s, m, h, d) or a number of seconds, got \"\"",
      "\"500ms\"     | must be between 1s and 31d, got \"500ms\"",
      "\"32d\"       | must be between 1s and 31d, got \"32d\"",
      "0             | must be between 1s and 31d, got 0 seconds",
      "-5            | must be between 1s and 31d, got -5 seconds",
      "1e300         | must be between 1s and 31d, got 1.0E300 seconds",
      "true          | must be a duration string like \"30s\" or a number of seconds, got true",
  })
  void refreshRejectsNonsenseWithTheReason(String json, String message) {
    DecodeResult result = decode("{\"labels\":{\"a\":\"b\"},\"refresh\":" + json + "}");
    assertEquals(List.of(new Problem(0, "refresh", message)), result.problems());
  }

  @Test
  void unknownFieldsAreRejectedWithAHint() {
    DecodeResult result = decode("{\"labels\":{\"a\":\"b\"},\"startsAt\":\"2026-11-21T13:00:00Z\",\"summary\":\"x\","
        + "\"lables\":{},\"we ird\":1}");
    assertEquals(List.of(
        new Problem(0, "startsAt", "unknown field: did you mean \"starts_at\"?"),
        new Problem(0, "summary", "unknown field: put it in \"annotations\""),
        new Problem(0, "lables", "unknown field; known fields are labels, annotations, kind, status, starts_at, "
            + "ends_at, refresh, dedup_key, url"),
        new Problem(0, "[\"we ird\"]", "unknown field; known fields are labels, annotations, kind, status, "
            + "starts_at, ends_at, refresh, dedup_key, url")), result.problems());
    assertTrue(result.bodyRejected());
  }

  @Test
  void labelsAreStrictAndRequired() {
    assertEquals(List.of(new Problem(0, "labels.code", "value must be a string, got a number (500); quote it")),
        decode("{\"labels\":{\"alertname\":\"x\",\"code\":500}}").problems());
    assertEquals(List.of(new Problem(0, "labels",
        "is required: an object with at least one label, like {\"alertname\": \"BackupFailed\"}")),
        decode("{\"annotations\":{\"summary\":\"x\"}}").problems());
    assertEquals(List.of(new Problem(0, "labels", "must hold at least one label with a non-empty value")),
        decode("{\"labels\":{\"alertname\":\"\"}}").problems());
    assertEquals(List.of(new Problem(0, "labels.a", "value must be a string, got null")),
        decode("{\"labels\":{\"a\":null}}").problems());
    assertEquals(List.of(new Problem(0, "labels", "must be an object of label names to string values, got an array")),
        decode("{\"labels\":[\"a\"]}").problems());
  }

  @Test
  void instantEventsHaveNoStateEndOrRefresh() {
    DecodeResult result = decode("{\"labels\":{\"a\":\"b\"},\"kind\":\"instant\",\"status\":\"resolved\","
        + "\"ends_at\":\"2026-11-21T13:00:00Z\",\"refresh\":\"1m\"}");
    assertEquals(List.of(
        new Problem(0, "status", "an instant event has no state to resolve; send \"kind\": \"lasting\" for a condition that ends"),
        new Problem(0, "ends_at", "an instant event has no end; use \"starts_at\" for when it happened"),
        new Problem(0, "refresh", "an instant event is not repeated; refresh applies to \"kind\": \"lasting\"")),
        result.problems());
  }

  @Test
  void enumerationsAndTimesAreValidated() {
    DecodeResult result = decode("{\"labels\":{\"a\":\"b\"},\"kind\":\"forever\",\"status\":1,"
        + "\"starts_at\":\"2026-11-21 13:00\",\"ends_at\":\"+10000-01-01T00:00:00Z\"}");
    assertEquals(List.of(
        new Problem(0, "kind", "must be one of \"instant\", \"lasting\", got a string \"forever\""),
        new Problem(0, "status", "must be one of \"firing\", \"resolved\", got a number (1)"),
        new Problem(0, "starts_at", "is not an RFC 3339 time with a zone, like 2026-11-21T13:11:30Z: \"2026-11-21 13:00\""),
        new Problem(0, "ends_at", "year 10000 is out of range 0001..9999: \"+10000-01-01T00:00:00Z\"")),
        result.problems());
  }

  @Test
  void endsAtBeforeStartsAtIsRejected() {
    assertEquals(List.of(new Problem(0, "ends_at",
        "must not be before starts_at (starts_at 2026-11-21T13:00:00Z, ends_at 2026-11-21T12:00:00Z)")),
        decode("{\"labels\":{\"a\":\"b\"},\"starts_at\":\"2026-11-21T13:00:00Z\",\"ends_at\":\"2026-11-21T12:00:00Z\"}")
            .problems());
  }

  @Test
  void dedupKeyIsBounded() {
    assertEquals(List.of(new Problem(0, "dedup_key", "is 256 characters long; at most 255 allowed")),
        decode("{\"labels\":{\"a\":\"b\"},\"dedup_key\":\"" + "k".repeat(256) + "\"}").problems());
    assertEquals(List.of(new Problem(0, "dedup_key", "must not be blank; leave it out instead")),
        decode("{\"labels\":{\"a\":\"b\"},\"dedup_key\":\" \"}").problems());
    assertEquals("k".repeat(255),
        decode("{\"labels\":{\"a\":\"b\"},\"dedup_key\":\"" + "k".repeat(255) + "\"}").events().get(0).dedupKey());
  }

  @Test
  void partialBatchAnswers400WithAcceptedCountAndLocatedRejections() {
    DecodeResult result = decode("[{\"labels\":{\"a\":\"1\"}}, {\"labels\":{\"a-b\":\"2\"}}, {\"labels\":{\"a\":\"3\"}}, 42]");

    assertEquals(2, result.events().size());
    assertFalse(result.bodyRejected());
    assertReply(400, "application/json", "{\"error\":\"2 of 4 events rejected, 2 accepted: "
        + "events[1].labels[\\\"a-b\\\"]: invalid label name \\\"a-b\\\": must match [a-zA-Z_][a-zA-Z0-9_]* "
        + "(and 1 more problems)\",\"accepted\":2,\"rejected\":["
        + "{\"index\":1,\"field\":\"labels[\\\"a-b\\\"]\",\"message\":\"invalid label name \\\"a-b\\\": must match [a-zA-Z_][a-zA-Z0-9_]*\"},"
        + "{\"index\":3,\"field\":\"\",\"message\":\"each event must be a JSON object, got a number (42)\"}]}",
        protocol.reply(result));
  }

  @Test
  void wholeBodyErrorsListTheProblem() {
    DecodeResult result = decode("\"hello\"");
    assertTrue(result.bodyRejected());
    JsonNode reply = Samples.tree(protocol.reply(result).body());
    assertEquals(400, protocol.reply(result).status());
    assertEquals("body must be an event object or an array of event objects, got a string \"hello\"",
        reply.get("error").asText());
    assertEquals(-1, reply.get("problems").get(0).get("index").asInt());
  }

  @Test
  void emptyArrayIsFine() {
    DecodeResult result = decode("[]");
    assertReply(200, "application/json", "{\"accepted\":0,\"rejected\":[]}", protocol.reply(result));
  }

  private DecodeResult decode(String body) {
    return protocol.decode(utf8(body), RECEIVED);
  }
}
