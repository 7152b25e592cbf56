package dev.baton.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written label-name check accepts exactly what Prometheus' pattern accepts. */
class LabelNameTest {

  private static final Pattern PROMETHEUS = Pattern.compile(ItemReader.LABEL_NAME_SYNTAX);

  @Test
  void agreesWithThePrometheusPattern() {
    List<String> names = List.of("", "a", "A", "_", "__name__", "alertname", "a1", "Z_9", "1a", "9", "a-b", "a.b",
        "a b", "é", "aé", "a٣", "٣", "a\u0000", "a\n", "_1", "ab:c", "a/b", "[a]", "zZ09_");
    for (String name : names) {
      assertEquals(PROMETHEUS.matcher(name).matches(), ItemReader.isPlainName(name), "'" + name + "'");
    }
  }

  @Test
  void namesThePathsOfPlainAndOtherNamesAsBefore() {
    assertEquals("labels.team", ItemReader.path("labels", "team"));
    assertEquals("labels[\"a-b\"]", ItemReader.path("labels", "a-b"));
    assertEquals("labels[\"1a\"]", ItemReader.path("labels", "1a"));
  }
}
