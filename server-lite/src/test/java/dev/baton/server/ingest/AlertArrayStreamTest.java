package dev.baton.server.ingest;

import static dev.baton.server.ingest.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming fast path gives the tree path's events for valid bodies and leaves everything else to it. */
class AlertArrayStreamTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:11:31Z");
  private static final IngestLimits LIMITS = new IngestLimits(4, 16, 32, 64, 3);
  private final JsonBody json = new JsonBody(IngestLimits.defaults());
  private final AlertArrayStream stream = new AlertArrayStream(IngestLimits.defaults());

  private DecodeResult streamed(AlertArrayStream s, JsonBody j, byte[] body) {
    try {
      return s.tryDecode(j.streamingParser(body), RECEIVED);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void capturedPrometheusAndAmtoolPostsTakeTheFastPathWithTheTreesEvents() {
    List<byte[]> bodies = new ArrayList<>(Samples.postedBodies("prometheus_v2_requests.jsonl"));
    bodies.addAll(Samples.postedBodies("amtool_requests.jsonl"));
    bodies.add(Samples.bytes("prometheus_v2_post_first.json"));
    bodies.add(Samples.bytes("prometheus_v2_post_resolved.json"));
    assertFalse(bodies.isEmpty());
    for (byte[] body : bodies) {
      DecodeResult fast = streamed(stream, json, body);
      assertNotNull(fast, () -> "fast path gave up on " + new String(body));
      DecodeResult tree = AlertmanagerApiV2.decodeAlertArrayTree(json, IngestLimits.defaults(), body, RECEIVED);
      assertEquals(tree, fast);
      assertFalse(fast.events().isEmpty());
    }
  }

  @Test
  void validEdgeCasesMatchTheTree() {
    for (String body : List.of(
        "[]",
        " [ {\"labels\":{\"a\":\"1\",\"b\":\"\"},\"startsAt\":\"\",\"endsAt\":\"0001-01-01T00:00:00Z\"} ] ",
        "[{\"labels\":{\"a\":\"1\"},\"annotations\":{\"s\":\"\"},\"generatorURL\":\"\",\"x\":{\"y\":[1,null]}}]",
        "[{\"labels\":{\"a\":\"1\"},\"endsAt\":\"2026-11-21T13:11:31Z\"},{\"labels\":{\"a\":\"2\"},\"endsAt\":\"2026-11-21T13:11:31.001Z\"}]")) {
      DecodeResult fast = streamed(stream, json, utf8(body));
      assertNotNull(fast, body);
      assertEquals(AlertmanagerApiV2.decodeAlertArrayTree(json, IngestLimits.defaults(), utf8(body), RECEIVED), fast,
          body);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "  ", "{}", "[1]", "[null]", "[{}]", "[{\"labels\":{}}]", "[{\"labels\":{\"a\":\"\"}}]",
      "[{\"labels\":null}]", "[{\"labels\":{\"a\":null}}]", "[{\"labels\":{\"a\":1}}]", "[{\"labels\":{\"a-b\":\"1\"}}]",
      "[{\"labels\":{\"a\":\"1\"},\"annotations\":{\"a b\":\"1\"}}]", "[{\"labels\":{\"a\":\"1\"},\"annotations\":[]}]",
      "[{\"labels\":{\"a\":\"1\"},\"startsAt\":null}]", "[{\"labels\":{\"a\":\"1\"},\"startsAt\":\"yesterday\"}]",
      "[{\"labels\":{\"a\":\"1\"},\"startsAt\":\"2026-11-21T13:11:31Z\",\"endsAt\":\"2026-11-21T13:11:30Z\"}]",
      "[{\"labels\":{\"a\":\"1\"},\"generatorURL\":5}]", "[{\"labels\":{\"a\":\"1\",\"a\":\"2\"}}]",
      "[{\"labels\":{\"a\":\"1\"}}] []", "[{\"labels\":{\"a\":\"1\"}}", "[{\"labels\":{\"a\":\"x\\u0000\"}}]",
      "[{\"labels\":{\"a\":\"1\"}},{\"labels\":{\"b\":\"1\"}},{\"labels\":{\"c\":\"1\"}},{\"labels\":{\"d\":\"1\"}}]",
      "[{\"labels\":{\"a\":\"1\",\"b\":\"1\",\"c\":\"1\",\"d\":\"1\",\"e\":\"1\"}}]",
      "[{\"labels\":{\"abcdefghijklmnopq\":\"1\"}}]", "[{\"labels\":{\"a\":\"123456789012345678901234567890123\"}}]",
      "[{\"labels\":{\"a\":\"1\"},\"generatorURL\":\"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu\"}]"})
  void anythingNotPlainlyValidIsLeftToTheTreePath(String body) {
    JsonBody small = new JsonBody(LIMITS);
    assertNull(streamed(new AlertArrayStream(LIMITS), small, utf8(body)), body);
    // and the protocol's answer is the tree path's, messages included
    assertEquals(AlertmanagerApiV2.decodeAlertArrayTree(small, LIMITS, utf8(body), RECEIVED),
        AlertmanagerApiV2.decodeAlertArray(small, new AlertArrayStream(LIMITS), LIMITS, utf8(body), RECEIVED));
  }
}
