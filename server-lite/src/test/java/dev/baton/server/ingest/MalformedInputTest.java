package dev.baton.server.ingest;

import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.ingest.DecodeResult.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bounds and malformed JSON, for every protocol: whole-body problems, located, never an exception. */
class MalformedInputTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:20:00Z");
  private static final IngestLimits SMALL = new IngestLimits(3, 8, 10, 20, 2);

  static List<IngestProtocol> protocols() {
    return IngestProtocols.all(IngestLimits.defaults());
  }

  @Test
  void everyProtocolHasItsOwnPathAndName() {
    List<IngestProtocol> all = protocols();
    assertEquals(Set.of("/api/v2/alerts", "/api/v1/alerts", "/api/v1/ingest/alertmanager", "/api/v1/events", "/v2/enqueue"),
        all.stream().map(IngestProtocol::path).collect(Collectors.toSet()));
    assertEquals(Set.of("alertmanager-v2", "alertmanager-v1", "webhook", "baton-events", "pagerduty-v2"),
        all.stream().map(IngestProtocol::name).collect(Collectors.toSet()));
    assertEquals(5, all.size());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void deepNestingIsRefusedBeforeItCostsAnything(IngestProtocol protocol) {
    Problem problem = onlyBodyProblem(protocol, "[".repeat(5000) + "]".repeat(5000));
    assertEquals("body exceeds a limit at line 1, column 33: JSON nested deeper than 32 levels", problem.message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void hugeNumbersAreRefused(IngestProtocol protocol) {
    Problem problem = onlyBodyProblem(protocol, "{\"x\": " + "9".repeat(5000) + "}");
    assertTrue(problem.message().startsWith("body exceeds a limit at line 1, column "), problem.message());
    assertTrue(problem.message().endsWith(": a number longer than 64 characters"), problem.message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void duplicateKeysAreAmbiguousAndRefused(IngestProtocol protocol) {
    Problem problem = onlyBodyProblem(protocol, "{\"version\":\"4\",\"version\":\"1\"}");
    assertEquals("body is not valid JSON at line 1, column 25: Duplicate field 'version'", problem.message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void trailingContentIsRefused(IngestProtocol protocol) {
    Problem problem = onlyBodyProblem(protocol, "{} {}");
    assertEquals("body is not valid JSON at line 1, column 4: more content after the JSON value; send exactly one value",
        problem.message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void truncatedBodiesSayWhereTheyStopped(IngestProtocol protocol) {
    assertEquals("body is not valid JSON at line 2, column 20: Unexpected end-of-input: expected close marker for "
        + "Object (start marker at line 2, column 1)",
        onlyBodyProblem(protocol, "\n{\"labels\":{\"a\":\"b\"}").message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void emptyBodiesAreRefused(IngestProtocol protocol) {
    assertEquals("body is empty", onlyBodyProblem(protocol, "").message());
    assertEquals("body is empty", onlyBodyProblem(protocol, " \n\t ").message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void invalidUtf8IsRefused(IngestProtocol protocol) {
    DecodeResult result = protocol.decode(new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'}, RECEIVED);
    assertTrue(result.bodyRejected());
    assertTrue(result.problems().get(0).message().contains("Invalid UTF-8"), result.problems().toString());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void absurdStringsAreRefusedWhole(IngestProtocol protocol) {
    Problem problem = onlyBodyProblem(protocol, "[\"" + "x".repeat(300_000) + "\"]");
    assertTrue(problem.message().startsWith("body exceeds a limit at line 1, column "), problem.message());
    assertTrue(problem.message().endsWith(": a string longer than 262144 characters"), problem.message());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void rejectedBodiesAnswer400WithoutAStackTrace(IngestProtocol protocol) {
    DecodeResult result = protocol.decode(utf8("{"), RECEIVED);
    IngestProtocol.Reply reply = protocol.reply(result);
    assertEquals(400, reply.status());
    String body = new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(!body.contains("Exception") && !body.contains("\tat "), body);
  }

  // Limits, on the Alertmanager API (strict names) with deliberately small bounds.

  @Test
  void tooManyLabels() {
    assertEquals(List.of(new Problem(0, "labels", "has 4 labels; at most 3 allowed")),
        small("[{\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}}]").problems());
  }

  @Test
  void longLabelNameAndValue() {
    assertEquals(List.of(
        new Problem(0, "labels.abcdefghi", "label name is 9 characters long; at most 8 allowed"),
        new Problem(0, "labels.a", "value is 11 characters long; at most 10 allowed")),
        small("[{\"labels\":{\"abcdefghi\":\"1\",\"a\":\"12345678901\"}}]").problems());
  }

  @Test
  void longAnnotationValueAndUrl() {
    assertEquals(List.of(
        new Problem(0, "annotations.summary", "value is 21 characters long; at most 20 allowed"),
        new Problem(0, "generatorURL", "is 21 characters long; at most 20 allowed")),
        small("[{\"labels\":{\"a\":\"1\"},\"annotations\":{\"summary\":\"" + "s".repeat(21) + "\"},"
            + "\"generatorURL\":\"" + "u".repeat(21) + "\"}]").problems());
  }

  @Test
  void tooManyAlertsInOneRequestRejectsTheBody() {
    DecodeResult result = small("[{\"labels\":{\"a\":\"1\"}},{\"labels\":{\"a\":\"2\"}},{\"labels\":{\"a\":\"3\"}}]");
    assertEquals(List.of(new Problem(-1, "",
        "holds 3 alerts; at most 2 are accepted per request, send them in smaller batches")), result.problems());
    assertTrue(result.bodyRejected());
  }

  @Test
  void tooManyAlertsInAWebhookNamesTheField() {
    IngestProtocol webhook = Protocols.byPath(SMALL, "/api/v1/ingest/alertmanager");
    DecodeResult result = webhook.decode(utf8("{\"version\":\"4\",\"alerts\":[{},{},{}]}"), RECEIVED);
    assertEquals(List.of(new Problem(-1, "alerts",
        "holds 3 alerts; at most 2 are accepted per request, send them in smaller batches")), result.problems());
  }

  @Test
  void nulAndUnpairedSurrogatesAreNotStored() {
    DecodeResult result = decode("[{\"labels\":{\"a\":\"x\\u0000y\",\"b\":\"\\ud800\",\"c\":\"\\ud83d\\ude00\"}}]");
    assertEquals(List.of(
        new Problem(0, "labels.a", "value contains a NUL character or an unpaired surrogate; send valid Unicode text"),
        new Problem(0, "labels.b", "value contains a NUL character or an unpaired surrogate; send valid Unicode text")),
        result.problems());
    assertEquals("\ud83d\ude00", decode("[{\"labels\":{\"c\":\"\\ud83d\\ude00\"}}]").events().get(0).labels().get("c"));
  }

  @Test
  void wrongTypesAreLocated() {
    assertEquals(List.of(
        new Problem(0, "labels", "must be an object of label names to string values, got an array"),
        new Problem(0, "annotations.summary", "value must be a string, got true; quote it"),
        new Problem(0, "startsAt", "must be a string, got a number (1700000000)")),
        decode("[{\"labels\":[],\"annotations\":{\"summary\":true},\"startsAt\":1700000000}]").problems());
  }

  @Test
  void timesOutsideRfc3339AreLocated() {
    assertEquals(List.of(
        new Problem(0, "startsAt", "year 0 is out of range 0001..9999: \"0000-01-01T00:00:00Z\""),
        new Problem(0, "endsAt", "is not an RFC 3339 time with a zone, like 2026-11-21T13:11:30Z: \"2026-11-21T13:00:00\"")),
        decode("[{\"labels\":{\"a\":\"1\"},\"startsAt\":\"0000-01-01T00:00:00Z\",\"endsAt\":\"2026-11-21T13:00:00\"}]")
            .problems());
    assertEquals(Instant.parse("2026-11-21T12:00:00Z"),
        decode("[{\"labels\":{\"a\":\"1\"},\"startsAt\":\"2026-11-21t13:00:00+01:00\"}]").events().get(0).startsAt());
  }

  @Test
  void longNamesInMessagesAreShortened() {
    String name = "n".repeat(300);
    Problem problem = decode("[{\"labels\":{\"" + name + "\":\"1\"}}]").problems().get(0);
    assertEquals("labels[\"" + "n".repeat(64) + "…\"]", problem.field());
    assertEquals("label name is 300 characters long; at most 256 allowed", problem.message());
  }

  private static Problem onlyBodyProblem(IngestProtocol protocol, String body) {
    DecodeResult result = protocol.decode(utf8(body), RECEIVED);
    assertTrue(result.bodyRejected(), protocol.name());
    assertEquals(List.of(), result.events());
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertEquals(-1, result.problems().get(0).index());
    return result.problems().get(0);
  }

  private static DecodeResult decode(String body) {
    return Protocols.byPath(IngestLimits.defaults(), "/api/v2/alerts").decode(utf8(body), RECEIVED);
  }

  private static DecodeResult small(String body) {
    return Protocols.byPath(SMALL, "/api/v2/alerts").decode(utf8(body), RECEIVED);
  }
}
