package dev.baton.server.postmortem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Post-mortems over real HTTP and a real SQLite file: created from incidents fed through the
 * ingest API, prefilled, edited with If-Match, their timeline, action items and artifacts, roles.
 * DiskFull (alpha, team storage, service db, two alerts) opens at T0 and is closed at T0+62m;
 * HighLatency (alpha, team web, service api) opens at T0+5m and stays open.
 */
class PostmortemHttpTest {

  static final String OPERATOR = "operator-secret-0123456789";
  static final String VIEWER = "viewer-secret-0123456789";
  static final String SENDER = "ingest-secret-0123456789";
  static final String CONFIG = """
      tokens:
        - {name: ops, role: operate, secret: %s}
        - {name: wall, role: read, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      projects:
        alpha: {service_level: Platinum}
      severity:
        labels: {critical: S1, warning: S3}
      postmortems:
        artifacts: {max_bytes: 4KiB, max_total: 6KiB, max_count: 3}
      """.formatted(OPERATOR, VIEWER, SENDER);

  @TempDir
  static Path dir;
  static ReviewReceiver r;
  static long disk;
  static long latency;
  static Instant diskOpened;

  @BeforeAll
  static void start() throws Exception {
    r = new ReviewReceiver(dir, CONFIG);
    r.as(SENDER);
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "team", "storage", "service", "db",
        "instance", "db1");
    r.fire("alertname", "DiskFull", "project", "alpha", "severity", "critical", "team", "storage", "service", "db",
        "instance", "db2");
    r.clock.advance(Duration.ofMinutes(5));
    r.fire("alertname", "HighLatency", "project", "alpha", "severity", "warning", "team", "web", "service", "api",
        "instance", "lb1");
    r.as(VIEWER);
    disk = r.incident("DiskFull");
    latency = r.incident("HighLatency");
    diskOpened = Instant.parse(r.get(200, "/api/v1/incidents/" + disk).get("card").get("opened").asText());
    // a person took it at T0+3m and wrote a note at T0+2m (the acting API is not here yet: written as it will be)
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + r.db); Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 30000");
      s.execute("INSERT INTO timeline (incident_id, at, actor, kind, detail) VALUES (" + disk + ", "
          + T(2).toEpochMilli() + ", 'alice', 'note', '{\"text\":\"db1 disk at 99%\"}')");
    }
    r.clock.set(T(62));
    r.server.closeIncident(disk, "alice", "cleaned the disk").get();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + r.db); Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 30000");
      s.execute("UPDATE incidents SET taken_at = " + T(3).toEpochMilli() + " WHERE id = " + disk); // closed: not in the writer's memory
    }
  }

  @AfterAll
  static void stop() {
    r.close();
  }

  static Instant T(int minutes) {
    return ReviewReceiver.T0.plus(Duration.ofMinutes(minutes));
  }

  private static JsonNode create(long... incidents) throws Exception {
    r.as(OPERATOR);
    List<Long> ids = new ArrayList<>();
    for (long i : incidents) {
      ids.add(i);
    }
    return r.call(201, "POST", "/api/v1/postmortems", Map.of("incidentIds", ids));
  }

  private static String etag(JsonNode p) {
    return "\"" + p.get("version").asLong() + "\"";
  }

  @Test
  void createPrefillsFromTheIncidentsAndTheTemplate() throws Exception {
    r.as(OPERATOR);
    HttpResponse<String> raw = r.send("POST", "/api/v1/postmortems",
        ("{\"incidentIds\":[" + latency + "]}").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    assertEquals(201, raw.statusCode(), raw.body());
    JsonNode p = ReviewReceiver.JSON.readTree(raw.body());
    assertEquals("/api/v1/postmortems/" + p.get("id").asLong(), raw.headers().firstValue("Location").orElseThrow());
    assertEquals("\"1\"", raw.headers().firstValue("ETag").orElseThrow());
    assertEquals("HighLatency in alpha", p.get("title").asText());
    assertEquals("draft", p.get("status").asText());
    assertEquals("ops", p.get("owner").asText(), "the creator owns it");
    assertTrue(p.get("failureEnd").isNull(), "still open: the end is not known");
    assertEquals("[\"web\"]", p.get("teams").toString());
    assertEquals("[\"api\"]", p.get("services").toString());
    assertEquals(7, p.get("sections").size());
    assertEquals("Summary", p.get("sections").get(0).get("title").asText());
    assertEquals("What happened, in two or three sentences?", p.get("sections").get(0).get("questions").get(0).asText());
  }

  @Test
  void createTakesTimesTeamsAndTimelineFromAClosedIncident() throws Exception {
    JsonNode p = create(disk);
    assertEquals(diskOpened.toString(), p.get("failureStart").asText());
    assertEquals(T(62).toString(), p.get("failureEnd").asText());
    assertEquals(T(2).toString(), p.get("investigationStart").asText(), "the first thing a person did");
    assertEquals(T(62).toString(), p.get("investigationEnd").asText());
    assertEquals("[\"storage\"]", p.get("teams").toString());
    assertEquals("[\"db\"]", p.get("services").toString());
    List<String> kinds = new ArrayList<>();
    for (JsonNode e : p.get("timeline")) {
      kinds.add(e.get("kind").asText());
      assertEquals(disk, e.get("incidentId").asLong());
    }
    assertEquals(List.of("opened", "alert_joined", "alert_joined", "note", "closed"), kinds);
    assertEquals("note: db1 disk at 99%", p.get("timeline").get(3).get("text").asText());
    assertEquals("alice", p.get("timeline").get(3).get("author").asText());
    assertEquals("closed: cleaned the disk", p.get("timeline").get(4).get("text").asText());
  }

  @Test
  void anIncidentBelongsToOnePostmortemOnly() throws Exception {
    JsonNode first = create(newIncident("QueueStuck"));
    long covered = first.get("incidentIds").get(0).asLong();
    JsonNode e = r.call(409, "POST", "/api/v1/postmortems", Map.of("incidentIds", List.of(covered)));
    assertTrue(e.get("message").asText().contains("already covered by post-mortem " + first.get("id").asLong()),
        e.toString());
    JsonNode unknown = r.call(400, "POST", "/api/v1/postmortems", Map.of("incidentIds", List.of(99_999)));
    assertEquals("incidentIds[0]", unknown.get("parameter").asText());
    assertEquals("no incident 99999", unknown.get("fields").get(0).get("message").asText());
  }

  private static long newIncident(String trigger) throws Exception {
    r.as(SENDER);
    r.fire("alertname", trigger, "project", "alpha", "severity", "warning", "instance", "x1");
    r.as(VIEWER);
    return r.incident(trigger);
  }

  @Test
  void updateNeedsTheVersionReadAndRefusesStaleOnes() throws Exception {
    JsonNode p = create(newIncident("CertExpiry"));
    long id = p.get("id").asLong();
    ObjectNode f = ReviewReceiver.fields(p);
    f.put("status", "done");
    f.put("triggerCategory", "release");
    f.put("detection", "user_report");
    f.put("damageCategory", "slowness");
    f.put("damageText", "Checkout was **slow** for 40 minutes.");
    f.set("damageFigures", ReviewReceiver.JSON.valueToTree(List.of(Map.of("name", "failed requests", "value", 1200,
        "unit", "requests"))));
    f.put("alertWouldHave", "shortened");
    f.put("alertKind", "latency");
    f.put("failureStart", T(1).toString());
    f.put("failureEnd", T(41).toString());
    f.putArray("glossary").addObject().put("term", "relay").put("definition", "Graphite's forwarding daemon");
    String path = "/api/v1/postmortems/" + id;
    JsonNode missing = r.call(428, "PUT", path, f);
    assertTrue(missing.get("message").asText().contains("If-Match"), missing.toString());
    JsonNode updated = r.call(200, "PUT", path, f, "If-Match", etag(p));
    assertEquals(2, updated.get("version").asLong());
    assertEquals("done", updated.get("status").asText());
    assertEquals("latency", updated.get("alertKind").asText());
    assertEquals(1200.0, updated.get("damageFigures").get(0).get("value").asDouble());
    assertEquals("relay", updated.get("glossary").get(0).get("term").asText());
    assertEquals("ops", updated.get("updatedBy").asText());
    f.put("title", "someone else's edit");
    JsonNode stale = r.call(409, "PUT", path, f, "If-Match", etag(p));
    assertTrue(stale.get("message").asText().contains("is at version 2, not 1"), stale.toString());
    assertEquals("done", r.get(200, path).get("status").asText(), "the stale write changed nothing");
    r.as(VIEWER);
    JsonNode again = r.get(200, path);
    assertEquals(updated.get("title").asText(), again.get("title").asText());
  }

  @Test
  void invalidFieldsAreAllReportedWithTheirPath() throws Exception {
    JsonNode p = create(newIncident("DnsFlap"));
    ObjectNode f = ReviewReceiver.fields(p);
    f.put("status", "finished");
    f.put("failureStart", "yesterday");
    f.put("triggerCategory", "cosmic_rays");
    ((ArrayNode) f.putArray("teams")).add("web").add("web");
    JsonNode e = r.call(400, "PUT", "/api/v1/postmortems/" + p.get("id").asLong(), f, "If-Match", etag(p));
    Map<String, String> byField = new HashMap<>();
    e.get("fields").forEach(x -> byField.put(x.get("field").asText(), x.get("message").asText()));
    assertEquals(4, byField.size(), e.toString());
    assertTrue(byField.get("status").startsWith("expected one of draft, in_review, done, got 'finished'"));
    assertTrue(byField.get("failureStart").contains("ISO-8601"));
    assertTrue(byField.get("triggerCategory").contains("release, configuration_change"));
    assertEquals("'web' is listed twice", byField.get("teams[1]"));
    assertEquals("status", e.get("parameter").asText());
    JsonNode notJson = r.call(400, "PUT", "/api/v1/postmortems/" + p.get("id").asLong(), "{\"title\": ",
        "If-Match", etag(p));
    assertTrue(notJson.get("message").asText().startsWith("the body is not valid JSON at line 1"), notJson.toString());
  }

  @Test
  void timelineNotesAreKeptInOrderAndEditable() throws Exception {
    JsonNode p = create(newIncident("ShardDown"));
    long id = p.get("id").asLong();
    String base = "/api/v1/postmortems/" + id + "/timeline";
    r.clock.advance(Duration.ofMinutes(30)); // notes are written later than what they tell
    Instant opened = Instant.parse(p.get("timeline").get(0).get("at").asText());
    JsonNode after = r.call(200, "POST", base, Map.of("at", opened.plusSeconds(600).toString(), "text", "restarted shard 3"));
    r.call(200, "POST", base, Map.of("at", opened.minusSeconds(60).toString(), "text", "deploy of 1.4.2 started"));
    JsonNode now = r.get(200, "/api/v1/postmortems/" + id);
    List<String> texts = new ArrayList<>();
    now.get("timeline").forEach(e -> texts.add(e.get("kind").asText() + ":" + e.get("text").asText()));
    assertEquals("note:deploy of 1.4.2 started", texts.get(0), texts.toString());
    assertTrue(texts.get(1).startsWith("opened:"), texts.toString());
    assertEquals("note:restarted shard 3", texts.get(texts.size() - 1));
    assertTrue(now.get("timeline").get(0).get("incidentId").isNull(), "a note comes from no incident");
    assertEquals(3, now.get("version").asLong(), "each note is a new version");
    long noteId = after.get("timeline").get(after.get("timeline").size() - 1).get("id").asLong();
    JsonNode edited = r.call(200, "PUT", base + "/" + noteId,
        Map.of("at", opened.plusSeconds(300).toString(), "text", "restarted shard 3 (it came back)"));
    JsonNode last = edited.get("timeline").get(edited.get("timeline").size() - 1);
    assertEquals("restarted shard 3 (it came back)", last.get("text").asText());
    assertEquals(opened.plusSeconds(300).toString(), last.get("at").asText());
    // an imported event removed stays removed when the incidents' events are copied in again
    long openedEntry = edited.get("timeline").get(1).get("id").asLong();
    JsonNode removed = r.call(200, "DELETE", base + "/" + openedEntry, null);
    assertTrue(removed.get("timeline").findValues("id").stream().noneMatch(n -> n.asLong() == openedEntry));
    JsonNode synced = r.call(200, "POST", base + "/sync", null);
    assertEquals(removed.get("timeline").size(), synced.get("timeline").size());
    JsonNode gone = r.call(404, "DELETE", base + "/" + openedEntry, null);
    assertTrue(gone.get("message").asText().contains("no timeline entry " + openedEntry), gone.toString());
    JsonNode bad = r.call(400, "POST", base, Map.of("text", ""));
    assertEquals("at", bad.get("fields").get(0).get("field").asText());
    assertEquals("text", bad.get("fields").get(1).get("field").asText());
  }

  @Test
  void syncCopiesEventsThatCameAfterTheReportStarted() throws Exception {
    long incident = newIncident("BackupLate");
    JsonNode p = create(incident);
    int before = p.get("timeline").size();
    r.server.closeIncident(incident, "bob", "backup finished").get();
    JsonNode synced = r.call(200, "POST", "/api/v1/postmortems/" + p.get("id").asLong() + "/timeline/sync", null);
    assertEquals(before + 1, synced.get("timeline").size());
    assertEquals("closed: backup finished",
        synced.get("timeline").get(synced.get("timeline").size() - 1).get("text").asText());
  }

  @Test
  void actionItemsCloseTheLoop() throws Exception {
    JsonNode p = create(newIncident("OomKill"));
    String base = "/api/v1/postmortems/" + p.get("id").asLong() + "/actions";
    JsonNode added = r.call(200, "POST", base, Map.of("title", "Canary releases", "link",
        "https://tracker.example/INFRA-12"));
    JsonNode item = added.get("actions").get(0);
    assertFalse(item.get("done").asBoolean());
    JsonNode done = r.call(200, "PUT", base + "/" + item.get("id").asLong(), Map.of("title", "Canary releases",
        "link", "https://tracker.example/INFRA-12", "done", true));
    assertTrue(done.get("actions").get(0).get("done").asBoolean());
    JsonNode summary = r.get(200, "/api/v1/postmortems?incident=" + p.get("incidentIds").get(0).asLong())
        .get("items").get(0);
    assertEquals(1, summary.get("actionsTotal").asInt());
    assertEquals(0, summary.get("actionsOpen").asInt());
    JsonNode badLink = r.call(400, "POST", base, Map.of("title", "x", "link", "javascript:alert(1)"));
    assertEquals("link", badLink.get("parameter").asText());
    JsonNode removed = r.call(200, "DELETE", base + "/" + item.get("id").asLong(), null);
    assertEquals(0, removed.get("actions").size());
  }

  @Test
  void aPostmortemCountsAsDescribedAmongSimilarIncidents() throws Exception {
    long first = newIncident("SimilarProbe");
    create(first);
    r.server.closeIncident(first, "alice", "fixed").get();
    r.as(SENDER);
    r.fire("alertname", "SimilarProbe", "project", "alpha", "severity", "warning", "instance", "x2");
    r.as(VIEWER);
    long second = r.incident("SimilarProbe");
    JsonNode similar = r.get(200, "/api/v1/incidents/" + second + "/similar").get("inProject");
    assertEquals(1, similar.get("total").asInt());
    assertEquals(1, similar.get("described").asInt(), "the earlier one has a post-mortem, though no description");
  }

  static byte[] png(int size) throws Exception {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void artifactsAreCopiedInWithinBoundsAndServedSafely() throws Exception {
    JsonNode p = create(newIncident("TlsHandshake"));
    long id = p.get("id").asLong();
    String base = "/api/v1/postmortems/" + id + "/artifacts";
    byte[] image = png(8);
    HttpResponse<String> up = r.send("POST", base + "?name=" + URLEncoder.encode("errors graph.png",
        StandardCharsets.UTF_8), image, "Content-Type", "image/png");
    assertEquals(200, up.statusCode(), up.body());
    JsonNode info = ReviewReceiver.JSON.readTree(up.body()).get("artifacts").get(0);
    assertEquals("errors graph.png", info.get("name").asText());
    assertEquals(image.length, info.get("size").asLong());
    HttpResponse<byte[]> down = r.sendBytes("GET", base + "/" + info.get("id").asLong(), null);
    assertEquals(200, down.statusCode());
    assertArrayEquals(image, down.body());
    assertEquals("image/png", down.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", down.headers().firstValue("X-Content-Type-Options").orElseThrow());
    HttpResponse<String> tooBig = r.send("POST", base + "?name=big.log", new byte[5000], "Content-Type", "text/plain");
    assertEquals(413, tooBig.statusCode(), tooBig.body());
    assertTrue(tooBig.body().contains("postmortems.artifacts.max_bytes"), tooBig.body());
    HttpResponse<String> svg = r.send("POST", base + "?name=x.svg", "<svg onload=alert(1)/>".getBytes(
        StandardCharsets.UTF_8), "Content-Type", "image/svg+xml");
    assertEquals(400, svg.statusCode());
    assertTrue(svg.body().contains("\"field\":\"Content-Type\""), svg.body());
    HttpResponse<String> fake = r.send("POST", base + "?name=x.png", "not an image".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "image/png");
    assertEquals(400, fake.statusCode());
    assertTrue(fake.body().contains("not a PNG image"), fake.body());
    HttpResponse<String> noName = r.send("POST", base, image, "Content-Type", "image/png");
    assertEquals(400, noName.statusCode());
    assertTrue(noName.body().contains("\"field\":\"name\""), noName.body());
    byte[] log = ("10:02 <alice> db1 is at 99%\n10:05 <bob> rotating logs\n".repeat(60)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chat = r.send("POST", base + "?name=chat.log", log, "Content-Type", "text/plain; charset=utf-8");
    assertEquals(200, chat.statusCode(), chat.body());
    // 6 KiB in total at most: a third artifact of 3.5 KiB would pass it
    HttpResponse<String> over = r.send("POST", base + "?name=more.log", new String(new char[3500]).replace('\0', 'x')
        .getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
    assertEquals(400, over.statusCode(), over.body());
    assertTrue(over.body().contains("postmortems.artifacts.max_total"), over.body());
    HttpResponse<String> bin = r.send("POST", base + "?name=x.txt", new byte[] {'a', 0, 'b'}, "Content-Type", "text/plain");
    assertEquals(400, bin.statusCode());
    JsonNode after = r.call(200, "DELETE", base + "/" + info.get("id").asLong(), null);
    assertEquals(1, after.get("artifacts").size());
    assertEquals(404, r.sendBytes("GET", base + "/" + info.get("id").asLong(), null).statusCode());
  }

  @Test
  void readersReadAndOnlyOperatorsWrite() throws Exception {
    JsonNode p = create(newIncident("SlowQueries"));
    r.as(VIEWER);
    assertEquals(p.get("title").asText(), r.get(200, "/api/v1/postmortems/" + p.get("id").asLong()).get("title").asText());
    assertTrue(r.get(200, "/api/v1/postmortems/options").get("triggerCategories").size() >= 6);
    r.call(403, "POST", "/api/v1/postmortems/" + p.get("id").asLong() + "/actions", Map.of("title", "x"));
    r.call(403, "POST", "/api/v1/postmortems", Map.of("incidentIds", List.of(1)));
    r.as(null);
    assertEquals(401, r.send("GET", "/api/v1/postmortems", null).statusCode());
    r.as(OPERATOR);
    assertEquals(405, r.send("DELETE", "/api/v1/postmortems/" + p.get("id").asLong(), null).statusCode());
  }

  @Test
  void listFiltersByStatusIncidentAndMql() throws Exception {
    long other = newIncident("ListProbe");
    JsonNode p = create(other);
    r.as(VIEWER);
    JsonNode byQ = r.get(200, "/api/v1/postmortems?q=" + URLEncoder.encode("trigger = ListProbe", StandardCharsets.UTF_8));
    assertEquals(1, byQ.get("items").size());
    assertEquals(p.get("id").asLong(), byQ.get("items").get(0).get("id").asLong());
    JsonNode drafts = r.get(200, "/api/v1/postmortems?status=draft&limit=1");
    assertEquals(1, drafts.get("items").size());
    assertFalse(drafts.get("nextCursor").isNull());
    JsonNode next = r.get(200, "/api/v1/postmortems?status=draft&limit=1&cursor=" + drafts.get("nextCursor").asText());
    assertTrue(next.get("items").get(0).get("id").asLong() < drafts.get("items").get(0).get("id").asLong());
    JsonNode bad = r.get(400, "/api/v1/postmortems?status=closed");
    assertEquals("status", bad.get("parameter").asText());
    JsonNode badQ = r.get(400, "/api/v1/postmortems?q=" + URLEncoder.encode("trigger = ", StandardCharsets.UTF_8));
    assertEquals("q", badQ.get("parameter").asText());
  }

  @Test
  void exportsAZipWithTheMarkdownAndTheArtifactFiles() throws Exception {
    JsonNode p = create(newIncident("ZipProbe"));
    long id = p.get("id").asLong();
    byte[] image = png(4);
    HttpResponse<String> up = r.send("POST", "/api/v1/postmortems/" + id + "/artifacts?name=shot.png", image,
        "Content-Type", "image/png");
    long artifact = ReviewReceiver.JSON.readTree(up.body()).get("artifacts").get(0).get("id").asLong();
    HttpResponse<byte[]> zip = r.sendBytes("GET", "/api/v1/postmortems/" + id + "/export?format=zip", null);
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElseThrow());
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    assertArrayEquals(image, entries.get("artifacts/" + artifact + "-shot.png"));
    String md = new String(entries.get("postmortem-" + id + ".md"), StandardCharsets.UTF_8);
    assertTrue(md.contains("![shot.png](artifacts/" + artifact + "-shot.png)"), md);
    assertFalse(md.contains("data:image"), "the zip links, it does not embed");
    HttpResponse<String> inline = r.send("GET", "/api/v1/postmortems/" + id + "/export?format=md", null);
    assertTrue(inline.body().contains("![shot.png](data:image/png;base64," + Base64.getEncoder().encodeToString(image)
        + ")"), inline.body());
    assertEquals(400, r.send("GET", "/api/v1/postmortems/" + id + "/export?format=pdf", null).statusCode());
  }
}
