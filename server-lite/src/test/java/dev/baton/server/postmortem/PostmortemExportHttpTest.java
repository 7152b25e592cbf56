package dev.baton.server.postmortem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown export of a filled-in post-mortem, read back with a Markdown parser: headings,
 * the fields table, damage, sections with questions and answers, timeline, glossary, action
 * items and artifacts, with people's text (pipes, asterisks, backticks) kept as written.
 */
class PostmortemExportHttpTest {

  static final String TITLE = "Checkout | cart *slow* after release 1.4.2";
  static final String LOG = "10:02 <alice> ```db1``` at 99%\n10:05 <bob> rotating logs\n";

  @TempDir
  static Path dir;
  static ReviewReceiver r;
  static Node doc;
  static byte[] png;
  static long id;

  @BeforeAll
  static void fill() throws Exception {
    r = new ReviewReceiver(dir, "");
    r.fire("alertname", "CheckoutSlow", "project", "shop", "team", "web", "service", "checkout");
    long incident = r.incident("CheckoutSlow");
    r.clock.advance(Duration.ofMinutes(90));
    JsonNode p = r.call(201, "POST", "/api/v1/postmortems", Map.of("incidentIds", List.of(incident), "title", TITLE));
    id = p.get("id").asLong();
    String base = "/api/v1/postmortems/" + id;
    r.call(200, "POST", base + "/timeline", Map.of("at", ReviewReceiver.T0.plusSeconds(600).toString(),
        "text", "rolled back | to 1.4.1"));
    r.call(200, "POST", base + "/actions", Map.of("title", "Canary releases", "link", "https://tracker.example/OPS-7"));
    png = PostmortemHttpTest.png(3);
    r.send("POST", base + "/artifacts?name=latency.png", png, "Content-Type", "image/png");
    r.send("POST", base + "/artifacts?name=chat.log", LOG.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
    p = r.get(200, base);
    ObjectNode f = ReviewReceiver.fields(p);
    f.put("status", "done");
    f.put("owner", "alice");
    f.put("failureStart", ReviewReceiver.T0.toString());
    f.put("failureEnd", ReviewReceiver.T0.plusSeconds(3600).toString());
    f.put("triggerCategory", "release");
    f.put("detection", "user_report");
    f.put("damageCategory", "slowness");
    f.put("damageText", "p99 latency went from 200 ms to 4 s.");
    f.set("damageFigures", ReviewReceiver.JSON.valueToTree(List.of(Map.of("name", "failed orders", "value", 132,
        "unit", "orders"))));
    f.put("alertWouldHave", "shortened");
    f.put("alertKind", "latency");
    ((ObjectNode) f.get("sections").get(0)).put("answer", "A **slow query** in the cart.\n\nIt was `SELECT *`.");
    f.putArray("glossary").addObject().put("term", "canary").put("definition", "a release to a few servers first");
    r.call(200, "PUT", base, f, "If-Match", "\"" + p.get("version").asLong() + "\"");
    HttpResponse<String> export = r.send("GET", base + "/export?format=md", null);
    assertEquals(200, export.statusCode());
    assertEquals("text/markdown; charset=utf-8", export.headers().firstValue("Content-Type").orElseThrow());
    doc = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(export.body());
  }

  @AfterAll
  static void stop() {
    r.close();
  }

  /** The plain text of a node, its code spans included. */
  static String text(Node n) {
    StringBuilder s = new StringBuilder();
    n.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        s.append(t.getLiteral());
      }

      @Override
      public void visit(Code c) {
        s.append(c.getLiteral());
      }
    });
    return s.toString();
  }

  static <T extends Node> List<T> all(Class<T> type) {
    return allIn(doc, type);
  }

  /** The {@code index}th table, as rows of cell texts. */
  static List<List<String>> table(int index) {
    TableBlock t = all(TableBlock.class).get(index);
    List<List<String>> rows = new ArrayList<>();
    for (TableRow row : allIn(t, TableRow.class)) {
      List<String> cells = new ArrayList<>();
      for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
        cells.add(text((TableCell) c));
      }
      rows.add(cells);
    }
    return rows;
  }

  static <T extends Node> List<T> allIn(Node root, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Node c = root.getFirstChild(); c != null; c = c.getNext()) {
      if (type.isInstance(c)) {
        out.add(type.cast(c));
      }
      out.addAll(allIn(c, type));
    }
    return out;
  }

  @Test
  void headingsFollowTheReport() {
    List<String> h1 = new ArrayList<>();
    List<String> h2 = new ArrayList<>();
    for (Heading h : all(Heading.class)) {
      (h.getLevel() == 1 ? h1 : h2).add(text(h));
    }
    assertEquals(List.of(TITLE), h1, "the title survives pipes and asterisks");
    assertEquals(List.of("Damage", "Summary", "Damage: qualitative", "Damage: quantitative", "What people saw and did",
        "Trigger and causes", "Detection", "Lessons", "Timeline", "Glossary", "Action items", "Artifacts"), h2);
  }

  @Test
  void theFieldsTableHoldsTheLabelsOfEveryField() {
    Map<String, String> fields = new LinkedHashMap<>();
    for (List<String> row : table(0).subList(1, table(0).size())) {
      fields.put(row.get(0), row.get(1));
    }
    assertEquals("Done", fields.get("Status"));
    assertEquals("alice", fields.get("Owner"));
    assertEquals("2026-11-21 10:00:00 UTC → 2026-11-21 11:00:00 UTC (1 h 0 min)", fields.get("Failure"));
    assertEquals("Release", fields.get("Trigger"));
    assertEquals("User report", fields.get("Detected by"));
    assertEquals("Slowness, higher latency", fields.get("Damage"));
    assertEquals("web", fields.get("Affected teams"));
    assertEquals("checkout", fields.get("Affected services"));
    assertEquals("An alert would have made it shorter: Latency", fields.get("Alerting"));
    assertTrue(fields.get("Incidents").matches("\\d+"), fields.toString());
  }

  @Test
  void damageSectionsAndAnswersAreThere() {
    String all = text(doc);
    assertTrue(all.contains("p99 latency went from 200 ms to 4 s."));
    assertTrue(all.contains("failed orders: 132 orders"), all);
    List<String> strong = all(StrongEmphasis.class).stream().map(PostmortemExportHttpTest::text).toList();
    assertTrue(strong.contains("slow query"), "an answer's Markdown is kept: " + strong);
    assertTrue(all.contains("It was SELECT *."));
    List<String> questions = all(BulletList.class).stream().map(PostmortemExportHttpTest::text).toList();
    assertTrue(questions.stream().anyMatch(q -> q.contains("What happened, in two or three sentences?")), questions.toString());
    assertTrue(all.contains("Not answered yet."), "empty sections say so");
    assertTrue(questions.stream().anyMatch(q -> q.equals("canary: a release to a few servers first")), questions.toString());
  }

  @Test
  void timelineAndActionItemsAreTables() {
    List<List<String>> timeline = table(1);
    assertEquals(List.of("Time", "Who", "What"), timeline.get(0));
    List<String> what = timeline.subList(1, timeline.size()).stream().map(row -> row.get(2)).toList();
    assertTrue(what.get(0).startsWith("[incident "), what.toString());
    assertTrue(what.get(0).contains("opened"), what.toString());
    assertEquals("rolled back | to 1.4.1", what.get(what.size() - 1), "a pipe in a cell is kept");
    assertEquals("2026-11-21 10:10:00 UTC", timeline.get(timeline.size() - 1).get(0));
    List<List<String>> actions = table(2);
    assertEquals(List.of("open", "Canary releases", "https://tracker.example/OPS-7"), actions.get(1));
    assertTrue(all(Link.class).stream().anyMatch(l -> l.getDestination().equals("https://tracker.example/OPS-7")));
  }

  @Test
  void imagesAreInlineAndTextArtifactsFenced() {
    List<Image> images = all(Image.class);
    assertEquals(1, images.size());
    String src = images.get(0).getDestination();
    assertTrue(src.startsWith("data:image/png;base64,"), src);
    assertArrayEquals(png, Base64.getDecoder().decode(src.substring("data:image/png;base64,".length())));
    List<FencedCodeBlock> code = all(FencedCodeBlock.class);
    assertEquals(1, code.size());
    assertEquals(LOG, code.get(0).getLiteral(), "backticks in the log do not close the fence");
  }
}
