package dev.baton.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.IngestProtocol.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every protocol random and mutated bodies (bounded by count, seeded so a failure can be
 * replayed) and checks the contract on each: decode never fails, every problem is located inside
 * the body, {@code bodyRejected} holds exactly when no event came out, events respect the limits,
 * and the reply agrees with the result. {@code -Dingest.fuzz.count=N} and
 * {@code -Dingest.fuzz.seed=S} change the run.
 */
class IngestFuzzTest {

  private static final int COUNT = Integer.getInteger("ingest.fuzz.count", 20_000);
  private static final long SEED = Long.getLong("ingest.fuzz.seed", 20261121L);
  private static final Instant RECEIVED = Instant.parse("2026-11-21T13:20:00Z");
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final Pattern PROMETHEUS_NAME = Pattern.compile(ItemReader.LABEL_NAME_SYNTAX);
  /** Tight enough that the samples' own alerts cross every bound now and then. */
  private static final IngestLimits TIGHT = new IngestLimits(3, 9, 40, 90, 2);

  private static final String[] KEYS = {
      "labels", "annotations", "startsAt", "endsAt", "generatorURL", "status", "version", "alerts", "orgId",
      "values", "valueString", "imageURL", "dashboardURL", "panelURL", "silenceURL", "fingerprint", "kind",
      "starts_at", "ends_at", "refresh", "dedup_key", "url", "routing_key", "event_action", "payload", "summary",
      "source", "severity", "timestamp", "component", "group", "class", "custom_details", "links", "images",
      "client", "client_url", "href", "src", "alertname", "instance", "", "bad-name", "1st", "a b", "\u0000",
      "ü", "__name__", "x".repeat(300)};
  private static final String[] STRINGS = {
      "", " ", "firing", "resolved", "pending", "instant", "lasting", "trigger", "acknowledge", "resolve", "4", "1",
      "7", "critical", "error", "warning", "info", "none", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z",
      "2026-11-21T13:11:30.506Z", "2026-11-21T13:11:30+01:00", "2026-11-21T13:11:30.315+0000", "2024-01-01T00:00:00Z",
      "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "2026-11-21", "30s", "5m", "1h30m",
      "0s", "99999999999d", "-5m", "http://vm:19090/graph", "x\u0000y", "\ud800", "\udc00x", "\ud83d\ude00", "a\nb",
      "s".repeat(5000), "v".repeat(70_000)};

  static Stream<Arguments> protocols() {
    return Stream.of(
        Arguments.of("/api/v2/alerts", List.of("prometheus_v2_post_first.json", "prometheus_v2_post_resolved.json",
            "prometheus_v2_post_watchdog.json", "prometheus_v2_post_resend.json", "amtool:amtool_alert_add_full.json",
            "amtool:amtool_alert_add_minimal.json")),
        Arguments.of("/api/v1/alerts", List.of("prometheus_v2_post_first.json", "prometheus_v2_post_watchdog.json",
            "amtool:amtool_alert_add_full.json")),
        Arguments.of("/api/v1/ingest/alertmanager", List.of("alertmanager_webhook_firing.json",
            "alertmanager_webhook_resolved.json", "alertmanager_webhook_group_firing.json",
            "alertmanager_webhook_group_resolved.json", "grafana_webhook_firing.json")),
        Arguments.of("/api/v1/events", List.of("baton_events_batch.json")),
        Arguments.of("/v2/enqueue", List.of("pagerduty_trigger.json", "pagerduty_acknowledge.json",
            "pagerduty_resolve.json")));
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void randomAndMutatedBodiesKeepTheContract(String path, List<String> sampleNames) {
    fuzz(path, sampleNames, IngestLimits.defaults(), COUNT, true);
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void tightLimitsKeepTheContract(String path, List<String> sampleNames) {
    fuzz(path, sampleNames, TIGHT, COUNT / 4, false);
  }

  private static void fuzz(String path, List<String> sampleNames, IngestLimits limits, int count, boolean expectMix) {
    IngestProtocol protocol = Protocols.byPath(limits, path);
    List<byte[]> samples = new ArrayList<>();
    for (String name : sampleNames) {
      samples.add(name.startsWith("amtool:") ? Samples.capturedBody(name.substring(7)) : Samples.bytes(name));
    }
    Random random = new Random(SEED ^ path.hashCode() ^ limits.hashCode());
    int withEvents = 0;
    int partial = 0;
    int rejected = 0;
    for (int i = 0; i < count; i++) {
      byte[] body = body(random, samples);
      DecodeResult result;
      try {
        result = protocol.decode(body, RECEIVED);
        check(protocol, limits, body, result);
      } catch (Throwable e) {
        fail("case " + i + " (seed " + SEED + ") on " + path + " failed for body (base64) "
            + Base64.getEncoder().encodeToString(body.length > 4096 ? java.util.Arrays.copyOf(body, 4096) : body), e);
        return;
      }
      if (!result.events().isEmpty()) {
        withEvents++;
        if (!result.problems().isEmpty()) {
          partial++;
        }
      } else {
        rejected++;
      }
    }
    if (!expectMix) {
      return;
    }
    // The generator must reach every path: accepted bodies, partly rejected ones, and rejected ones.
    assertTrue(withEvents > COUNT / 100, path + ": only " + withEvents + " bodies gave events");
    assertTrue(rejected > COUNT / 100, path + ": only " + rejected + " bodies were rejected");
    if (!path.equals("/v2/enqueue")) {
      assertTrue(partial > COUNT / 1000, path + ": only " + partial + " bodies were partly accepted");
    }
  }

  private static void check(IngestProtocol protocol, IngestLimits limits, byte[] body, DecodeResult result) {
    assertNotNull(result);
    assertFalse(GuardedProtocol.isInternalError(result), "a decoder threw; see the log");
    assertEquals(result.events().isEmpty(), result.bodyRejected(), "bodyRejected must mean no events");
    int items = itemCount(protocol.path(), body);
    for (Problem problem : result.problems()) {
      assertTrue(problem.index() >= -1 && problem.index() < Math.max(items, 0),
          "problem outside the body's " + items + " items: " + problem);
      assertNotNull(problem.field());
      assertFalse(problem.message().isBlank(), problem.toString());
    }
    boolean lenientNames = protocol.path().equals("/api/v1/ingest/alertmanager");
    for (Event event : result.events()) {
      assertFalse(event.labels().isEmpty(), "an event without labels");
      assertTrue(event.labels().size() <= limits.maxLabelsPerAlert());
      for (Map.Entry<String, String> label : event.labels().entrySet()) {
        assertTrue(lenientNames ? !label.getKey().isBlank() : PROMETHEUS_NAME.matcher(label.getKey()).matches(),
            "label name " + label.getKey());
        assertTrue(label.getKey().length() <= limits.maxLabelNameLength());
        assertFalse(label.getValue().isEmpty(), "empty label value for " + label.getKey());
        assertTrue(label.getValue().length() <= limits.maxLabelValueLength());
        assertTrue(ItemReader.wellFormed(label.getKey()) && ItemReader.wellFormed(label.getValue()));
      }
      for (Map.Entry<String, String> annotation : event.annotations().entrySet()) {
        assertTrue(annotation.getValue().length() <= limits.maxAnnotationValueLength());
        assertTrue(ItemReader.wellFormed(annotation.getKey()) && ItemReader.wellFormed(annotation.getValue()));
      }
      if (event.startsAt() != null && event.endsAt() != null && protocol.path().startsWith("/api/")) {
        assertFalse(event.endsAt().isBefore(event.startsAt()), "ends before it starts: " + event);
      }
    }
    Reply reply = protocol.reply(result);
    assertTrue(reply.status() == 200 || reply.status() == 202 || reply.status() == 400, "status " + reply.status());
    assertEquals(result.problems().isEmpty() && !(protocol.path().equals("/v2/enqueue") && result.events().isEmpty()),
        reply.status() < 300, "status " + reply.status() + " for " + result.problems());
    if ("application/json".equals(reply.contentType())) {
      try {
        PLAIN.readTree(reply.body());
      } catch (IOException e) {
        fail("reply is not JSON: " + new String(reply.body(), StandardCharsets.UTF_8));
      }
    }
  }

  /** How many items a problem index may point at: the batch's size, read with a plain parser. */
  private static int itemCount(String path, byte[] body) {
    JsonNode root;
    try {
      root = PLAIN.readTree(body);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    if (root == null) {
      return 0;
    }
    if (root.isArray()) {
      return root.size();
    }
    if (!root.isObject()) {
      return 0;
    }
    return switch (path) {
      case "/api/v1/ingest/alertmanager" -> root.path("alerts").isArray() ? root.get("alerts").size() : 0;
      case "/api/v1/events", "/v2/enqueue" -> 1;
      default -> 0;
    };
  }

  private static byte[] body(Random random, List<byte[]> samples) {
    byte[] sample = samples.get(random.nextInt(samples.size()));
    return switch (random.nextInt(10)) {
      case 0 -> sample;
      case 1, 2, 3 -> treeMutation(random, sample);
      case 4, 5 -> byteMutation(random, treeMutation(random, sample));
      case 6, 7 -> byteMutation(random, sample);
      case 8 -> randomJson(random, 0).toString().getBytes(StandardCharsets.UTF_8);
      default -> randomBytes(random);
    };
  }

  /** Replaces, removes or adds one member somewhere in the sample's tree. */
  private static byte[] treeMutation(Random random, byte[] sample) {
    JsonNode root = Samples.tree(sample);
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        int choice = random.nextInt(3);
        if (choice == 0 && !names.isEmpty()) {
          object.remove(names.get(random.nextInt(names.size())));
        } else if (choice == 1 && !names.isEmpty()) {
          object.set(names.get(random.nextInt(names.size())), randomJson(random, 1));
        } else {
          object.set(KEYS[random.nextInt(KEYS.length)], randomJson(random, 1));
        }
      } else if (target instanceof ArrayNode array) {
        int choice = random.nextInt(3);
        if (choice == 0 && !array.isEmpty()) {
          array.remove(random.nextInt(array.size()));
        } else if (choice == 1 && !array.isEmpty()) {
          array.add(array.get(random.nextInt(array.size())).deepCopy());
        } else {
          array.add(randomJson(random, 1));
        }
      }
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), containers);
      }
    }
  }

  private static JsonNode randomJson(Random random, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int kind = random.nextInt(depth > 6 ? 6 : 9);
    return switch (kind) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(random.nextBoolean());
      case 2 -> switch (random.nextInt(5)) {
        case 0 -> f.numberNode(random.nextInt());
        case 1 -> f.numberNode(random.nextDouble() * 1e6);
        case 2 -> f.numberNode(Long.MAX_VALUE);
        case 3 -> f.numberNode(new java.math.BigDecimal("1e308"));
        default -> f.numberNode(-random.nextInt(1000));
      };
      case 3, 4, 5 -> f.textNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 6 -> {
        ArrayNode array = f.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.add(randomJson(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = f.objectNode();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          object.set(KEYS[random.nextInt(KEYS.length)], randomJson(random, depth + 1));
        }
        yield object;
      }
    };
  }

  private static final byte[][] TOKENS = {
      "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), "\"".getBytes(), ",".getBytes(), ":".getBytes(),
      "null".getBytes(), "true".getBytes(), "-1e999".getBytes(), "1".repeat(80).getBytes(), "\"\\ud800\"".getBytes(),
      "\"\\u0000\"".getBytes(), "\\".getBytes(), "[".repeat(40).getBytes(), "{\"a\":".getBytes(),
      "\"0001-01-01T00:00:00Z\"".getBytes(), new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xFF},
      "{}".getBytes(), "[]".getBytes(), "\"labels\"".getBytes()};

  /** Flips, deletes, inserts, duplicates or truncates bytes. */
  private static byte[] byteMutation(Random random, byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = input.clone();
    int pos = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    switch (random.nextInt(5)) {
      case 0 -> {
        if (bytes.length > 0) {
          bytes[pos] = (byte) random.nextInt(256);
        }
        return bytes;
      }
      case 1 -> {
        int len = Math.min(bytes.length - pos, 1 + random.nextInt(16));
        out.write(bytes, 0, pos);
        out.write(bytes, pos + len, bytes.length - pos - len);
      }
      case 2 -> {
        out.write(bytes, 0, pos);
        out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
        out.write(bytes, pos, bytes.length - pos);
      }
      case 3 -> {
        int len = Math.min(bytes.length - pos, 1 + random.nextInt(64));
        out.write(bytes, 0, pos + len);
        out.write(bytes, pos, bytes.length - pos);
      }
      default -> out.write(bytes, 0, pos);
    }
    return out.toByteArray();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(64)];
    if (random.nextBoolean()) {
      random.nextBytes(bytes);
    } else {
      byte[] alphabet = "{}[]\",:0123456789.eE-+tfnul \\abc".getBytes();
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = alphabet[random.nextInt(alphabet.length)];
      }
    }
    return bytes;
  }
}
