package dev.baton.server.api;

import static dev.baton.server.api.ApiReceiver.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts search, the label vocabulary and Alertmanager's {@code GET /api/v2/alerts}, over real HTTP. */
class AlertApiHttpTest {

  @TempDir
  static Path dir;
  static ApiReceiver r;

  @BeforeAll
  static void start() throws Exception {
    r = IncidentApiHttpTest.seeded(dir);
    r.fire("alertname", "Gone", "project", "beta", "severity", "info", "instance", "old1");
    r.resolve("alertname", "Gone", "project", "beta", "severity", "info", "instance", "old1");
  }

  @AfterAll
  static void stop() {
    r.close();
  }

  private static List<String> instances(JsonNode alerts) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : alerts) {
      out.add(a.get("labels").get("instance").asText());
    }
    return out;
  }

  @Test
  void alertsSearchFiltersByLabelsAndFieldsNewestFirst() throws Exception {
    assertEquals(List.of("db2", "db1"), instances(r.get(200, "/api/v1/alerts?q=" + enc("~team = storage")).get("items")));
    assertEquals(List.of("old1"), instances(r.get(200, "/api/v1/alerts?q=" + enc("state = ok")).get("items")));
    assertEquals(List.of("mq1", "app3", "db2", "db1"),
        instances(r.get(200, "/api/v1/alerts?q=" + enc("severity = S1")).get("items")));
    assertEquals(List.of("lb9", "lb1"), instances(r.get(200, "/api/v1/alerts?q=" + enc("~instance =~ ^lb")).get("items")));
    JsonNode page = r.get(200, "/api/v1/alerts?limit=4");
    assertEquals(4, page.get("items").size());
    JsonNode rest = r.get(200, "/api/v1/alerts?limit=4&cursor=" + enc(page.get("nextCursor").asText()));
    assertEquals(3, rest.get("items").size());
    assertTrue(rest.get("nextCursor").isNull());
    JsonNode bad = r.get(400, "/api/v1/alerts?q=" + enc("status = open"));
    assertTrue(bad.get("problems").get(0).get("message").asText().contains("cannot filter alerts"), bad.toString());
  }

  @Test
  void labelVocabularyIsSortedAndBounded() throws Exception {
    JsonNode names = r.get(200, "/api/v1/labels");
    assertEquals("[\"alertname\",\"instance\",\"project\",\"severity\",\"team\"]", names.get("names").toString());
    assertFalse(names.get("truncated").asBoolean());
    JsonNode two = r.get(200, "/api/v1/labels?limit=2");
    assertEquals(2, two.get("names").size());
    assertTrue(two.get("truncated").asBoolean());
    assertEquals("[\"db1\",\"db2\"]", r.get(200, "/api/v1/labels/instance/values?prefix=db").get("values").toString());
    assertEquals("[\"lb1\",\"lb9\",\"mq1\",\"old1\"]",
        r.get(200, "/api/v1/labels/instance/values?prefix=&limit=10").get("values").toString().replace("\"app3\",", "")
            .replace("\"db1\",\"db2\",", ""));
    JsonNode capped = r.get(200, "/api/v1/labels/instance/values?limit=1");
    assertEquals("[\"app3\"]", capped.get("values").toString());
    assertTrue(capped.get("truncated").asBoolean());
    assertEquals("[]", r.get(200, "/api/v1/labels/nosuch/values").get("values").toString());
    assertEquals("limit", r.get(400, "/api/v1/labels?limit=100000").get("parameter").asText());
  }

  @Test
  void alertmanagerAlertsHaveTheSampleShapeAndOnlyActiveAlerts() throws Exception {
    JsonNode all = r.get(200, "/api/v2/alerts");
    assertEquals(6, all.size(), "the resolved alert is not active");
    // captured from Alertmanager 0.25 (/work/shared/samples)
    JsonNode sample = new ObjectMapper().readTree(AlertApiHttpTest.class.getResource("/api/alertmanager_get_api_v2_alerts.json"))
        .get(0);
    for (JsonNode a : all) {
      assertEquals(fieldNames(sample), fieldNames(a));
      assertEquals(fieldNames(sample.get("status")), fieldNames(a.get("status")));
      assertEquals("active", a.get("status").get("state").asText());
      assertTrue(a.get("fingerprint").asText().matches("[0-9a-f]{16}"), a.toString());
      assertTrue(a.get("receivers").get(0).has("name"));
    }
    JsonNode disk = r.get(200, "/api/v2/alerts?filter=" + enc("alertname=\"DiskFull\"") + "&filter=" + enc("instance=~\"db.\""));
    assertEquals(List.of("db1", "db2"), instances(disk));
    assertEquals(0, r.get(200, "/api/v2/alerts?filter=" + enc("instance=~\"db\"")).size(), "regexes are anchored");
    assertEquals(0, r.get(200, "/api/v2/alerts?active=false").size());
    assertEquals("filter", r.get(400, "/api/v2/alerts?filter=" + enc("instance=~\"(\"")).get("parameter").asText());
    assertEquals("filter", r.get(400, "/api/v2/alerts?filter=" + enc("not a matcher")).get("parameter").asText());
  }

  @Test
  void amtoolAlertQueryReadsBaton() throws Exception {
    Path amtool = Path.of("/usr/bin/amtool");
    assumeTrue(Files.isExecutable(amtool) || "true".equals(System.getenv("CI")),
        "amtool (Debian prometheus-alertmanager) is not installed");
    String all = amtool(amtool, "alert", "query", "--alertmanager.url=" + r.server.url());
    assertTrue(all.contains("DiskFull") && all.contains("QueueStuck") && !all.contains("Gone"), all);
    String one = amtool(amtool, "alert", "query", "--alertmanager.url=" + r.server.url(), "-o", "json",
        "alertname=CpuHot");
    JsonNode parsed = new ObjectMapper().readTree(one);
    assertEquals(1, parsed.size(), one);
    assertEquals("app3", parsed.get(0).get("labels").get("instance").asText());
  }

  private static String amtool(Path amtool, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(amtool.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "amtool did not finish within 60 s");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out + err);
    return out; // stderr carries amtool's warnings (no config file), not the answer
  }

  private static TreeSet<String> fieldNames(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
