package dev.baton.server.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  @Test
  void matchesAlertmanagerOnTheCapturedWebhook() throws Exception {
    JsonNode alert = new ObjectMapper().readTree(FingerprintTest.class.getResource("/samples/alertmanager_webhook_firing.json"))
        .path("alerts").get(0);
    TreeMap<String, String> labels = new TreeMap<>();
    alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    assertEquals(Map.of("alertname", "Flapping", "cluster", "bench", "severity", "critical"), labels);
    assertEquals(alert.path("fingerprint").asText(), Fingerprint.hex(Fingerprint.of(labels)));
    assertEquals("718f9f6d91c50633", Fingerprint.hex(Fingerprint.of(labels)));
  }

  @Test
  void matchesAlertmanagerOnEveryAlertOfTheCapturedGroup() throws Exception {
    JsonNode alerts = new ObjectMapper()
        .readTree(FingerprintTest.class.getResource("/samples/alertmanager_webhook_group_firing.json")).path("alerts");
    for (JsonNode alert : alerts) {
      TreeMap<String, String> labels = new TreeMap<>();
      alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      assertEquals(alert.path("fingerprint").asText(), Fingerprint.hex(Fingerprint.of(labels)), labels.toString());
    }
  }

  @Test
  void emptyLabelSetIsTheFnvOffset() {
    assertEquals("cbf29ce484222325", Fingerprint.hex(Fingerprint.of(new TreeMap<>())));
  }

  @Test
  void excludedLabelsDoNotCount() {
    TreeMap<String, String> a = new TreeMap<>(Map.of("alertname", "X", "replica", "a"));
    TreeMap<String, String> b = new TreeMap<>(Map.of("alertname", "X", "replica", "b"));
    assertNotEquals(Fingerprint.of(a), Fingerprint.of(b));
    assertEquals(Fingerprint.of(a, Set.of("replica")), Fingerprint.of(b, Set.of("replica")));
    assertEquals(Fingerprint.of(new TreeMap<>(Map.of("alertname", "X"))), Fingerprint.of(a, Set.of("replica")));
  }

  @Test
  void separatorKeepsNameValueBoundaries() {
    assertNotEquals(Fingerprint.of(new TreeMap<>(Map.of("ab", "c"))), Fingerprint.of(new TreeMap<>(Map.of("a", "bc"))));
  }

  @Test
  void labelTextIsHashedAsItsUtf8BytesWhateverItsCharacters() {
    for (String value : new String[] {"plain", "", "café", "été à Zürich", "disk 💾 full", "💾", "a\u0000b",
        "\u007f\u0080", "ok then 日本 then ok"}) {
      TreeMap<String, String> labels = new TreeMap<>(Map.of("alertname", "X", "note", value));
      long expected = 0xcbf29ce484222325L;
      for (String part : new String[] {"alertname", "X", "note", value}) {
        for (byte b : part.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          expected = (expected ^ (b & 0xff)) * 0x100000001b3L;
        }
        expected = (expected ^ 0xff) * 0x100000001b3L;
      }
      assertEquals(Fingerprint.hex(expected), Fingerprint.hex(Fingerprint.of(labels)), value);
    }
  }
}
