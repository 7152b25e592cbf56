package dev.baton.server.postmortem;

import dev.baton.api.model.ActionItem;
import dev.baton.api.model.ArtifactInfo;
import dev.baton.api.model.DamageFigure;
import dev.baton.api.model.GlossaryEntry;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemSection;
import dev.baton.api.model.PostmortemTimelineEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * A post-mortem as one Markdown document (GitHub-flavoured tables) a wiki or tracker shows: the
 * fields, damage, the template's sections with their answers, timeline, glossary, action items and
 * artifacts. Built as a commonmark tree and rendered by commonmark, so people's text is escaped
 * where it must be; section answers are Markdown already and are kept as written.
 * <ul>
 *   <li>{@code md}: one file; images embedded as {@code data:} URIs, text artifacts as code blocks.
 *   <li>{@code zip}: the Markdown plus {@code artifacts/<id>-<name>} files it links relatively, for
 *       wikis that take attachments (and do not show {@code data:} images).
 * </ul>
 */
public final class MarkdownExport {

  /** An exported file. */
  public record Export(String fileName, String contentType, byte[] body) {
  }

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().extensions(EXTENSIONS).build();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Vocabulary vocabulary;

  MarkdownExport(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  Export inline(Postmortem p, List<StoredArtifact> artifacts) {
    return new Export(baseName(p) + ".md", "text/markdown; charset=utf-8",
        render(p, artifacts, true).getBytes(StandardCharsets.UTF_8));
  }

  Export zip(Postmortem p, List<StoredArtifact> artifacts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(baseName(p) + ".md"));
      zip.write(render(p, artifacts, false).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (StoredArtifact a : artifacts) {
        zip.putNextEntry(new ZipEntry(artifactPath(a.info())));
        zip.write(a.data());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return new Export(baseName(p) + ".zip", "application/zip", bytes.toByteArray());
  }

  /** The Markdown text; {@code inline}: artifacts embedded, else linked as {@link #artifactPath}. */
  String render(Postmortem p, List<StoredArtifact> artifacts, boolean inline) {
    Document doc = new Document();
    doc.appendChild(heading(1, p.title()));
    doc.appendChild(fields(p));
    doc.appendChild(heading(2, "Damage"));
    if (p.damageText() != null) {
      appendAll(doc, PARSER.parse(p.damageText()));
    }
    if (!p.damageFigures().isEmpty()) {
      BulletList list = tightList();
      for (DamageFigure f : p.damageFigures()) {
        list.appendChild(item(strong(f.name() + ":"),
            text(" " + number(f.value()) + (f.unit() == null ? "" : " " + f.unit()))));
      }
      doc.appendChild(list);
    }
    if (p.damageText() == null && p.damageFigures().isEmpty()) {
      doc.appendChild(paragraph(emphasis("Not described yet.")));
    }
    for (PostmortemSection s : p.sections()) {
      doc.appendChild(heading(2, s.title()));
      if (!s.questions().isEmpty()) {
        BulletList questions = tightList();
        s.questions().forEach(q -> questions.appendChild(item(emphasis(q))));
        doc.appendChild(questions);
      }
      if (s.answer() == null || s.answer().isBlank()) {
        doc.appendChild(paragraph(emphasis("Not answered yet.")));
      } else {
        appendAll(doc, PARSER.parse(s.answer()));
      }
    }
    doc.appendChild(heading(2, "Timeline"));
    List<List<Node>> rows = new ArrayList<>();
    for (PostmortemTimelineEntry e : p.timeline()) {
      rows.add(List.of(text(TIME.format(e.at())), text(e.author()),
          text(e.incidentId() == null ? e.text() : "[incident " + e.incidentId() + "] " + e.text())));
    }
    doc.appendChild(table(List.of("Time", "Who", "What"), rows));
    if (!p.glossary().isEmpty()) {
      doc.appendChild(heading(2, "Glossary"));
      BulletList list = tightList();
      for (GlossaryEntry g : p.glossary()) {
        list.appendChild(item(strong(g.term()), text(": " + g.definition())));
      }
      doc.appendChild(list);
    }
    doc.appendChild(heading(2, "Action items"));
    if (p.actions().isEmpty()) {
      doc.appendChild(paragraph(emphasis("None yet.")));
    } else {
      List<List<Node>> actions = new ArrayList<>();
      for (ActionItem a : p.actions()) {
        actions.add(List.of(text(a.done() ? "done" : "open"), text(a.title()),
            a.link() == null ? text("") : link(a.link(), a.link())));
      }
      doc.appendChild(table(List.of("State", "Action", "Tracker"), actions));
    }
    if (!artifacts.isEmpty()) {
      doc.appendChild(heading(2, "Artifacts"));
      for (StoredArtifact a : artifacts) {
        artifact(doc, a, inline);
      }
    }
    return RENDERER.render(doc);
  }

  private Node fields(Postmortem p) {
    List<List<Node>> rows = new ArrayList<>();
    rows.add(row("Status", Vocabulary.statusLabel(p.status())));
    rows.add(row("Owner", p.owner()));
    rows.add(row("Incidents", p.incidentIds().stream().map(String::valueOf).collect(Collectors.joining(", "))));
    rows.add(row("Failure", span(p.failureStart(), p.failureEnd())));
    rows.add(row("Investigation", span(p.investigationStart(), p.investigationEnd())));
    rows.add(row("Trigger", p.triggerCategory() == null ? null : vocabulary.triggerLabel(p.triggerCategory())));
    rows.add(row("Detected by", p.detection() == null ? null : Vocabulary.detectionLabel(p.detection())));
    rows.add(row("Damage", p.damageCategory() == null ? null : Vocabulary.damageLabel(p.damageCategory())));
    rows.add(row("Affected teams", String.join(", ", p.teams())));
    rows.add(row("Affected services", String.join(", ", p.services())));
    String alert = p.alertWouldHave() == null ? null : Vocabulary.alertWouldHaveLabel(p.alertWouldHave())
        + (p.alertKind() == null ? "" : ": " + vocabulary.alertKindLabel(p.alertKind()));
    rows.add(row("Alerting", alert));
    return table(List.of("Field", "Value"), rows);
  }

  private static void artifact(Document doc, StoredArtifact a, boolean inline) {
    ArtifactInfo info = a.info();
    String caption = info.name() + " (" + info.contentType() + ", " + info.size() + " bytes, added by " + info.addedBy()
        + " at " + TIME.format(info.addedAt()) + ")";
    boolean image = info.contentType().startsWith("image/");
    String target = inline
        ? "data:" + info.contentType() + ";base64," + Base64.getEncoder().encodeToString(a.data())
        : artifactPath(info);
    Paragraph p = new Paragraph();
    if (image) {
      Image img = new Image(target, null);
      img.appendChild(text(info.name()));
      p.appendChild(img);
      p.appendChild(new org.commonmark.node.SoftLineBreak());
      p.appendChild(emphasis(caption));
      doc.appendChild(p);
      return;
    }
    if (!inline) {
      p.appendChild(link(target, info.name()));
      p.appendChild(text(" " + caption.substring(info.name().length())));
      doc.appendChild(p);
      return;
    }
    doc.appendChild(paragraph(emphasis(caption)));
    FencedCodeBlock code = new FencedCodeBlock();
    code.setFenceCharacter("`");
    code.setOpeningFenceLength(fence(a.data()));
    code.setClosingFenceLength(code.getOpeningFenceLength());
    code.setFenceIndent(0);
    code.setInfo(info.contentType().equals("application/json") ? "json" : "text");
    String body = new String(a.data(), StandardCharsets.UTF_8);
    code.setLiteral(body.endsWith("\n") ? body : body + "\n");
    doc.appendChild(code);
  }

  /** A fence longer than any run of backticks in the text, so the text cannot close it. */
  private static int fence(byte[] data) {
    int longest = 0;
    int run = 0;
    for (byte b : data) {
      run = b == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return Math.max(3, longest + 1);
  }

  /** Where the zip keeps an artifact, and the relative link to it. */
  static String artifactPath(ArtifactInfo info) {
    String safe = info.name().replaceAll("[^A-Za-z0-9._-]", "_");
    return "artifacts/" + info.id() + "-" + safe;
  }

  private static String baseName(Postmortem p) {
    return "postmortem-" + p.id();
  }

  private static String span(Instant start, Instant end) {
    if (start == null && end == null) {
      return null;
    }
    String s = (start == null ? "?" : TIME.format(start)) + " → " + (end == null ? "?" : TIME.format(end));
    if (start != null && end != null) {
      s += " (" + duration(Duration.between(start, end)) + ")";
    }
    return s;
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    return hours < 48 ? hours + " h " + (minutes % 60) + " min" : (hours / 24) + " d " + (hours % 24) + " h";
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static List<Node> row(String name, String value) {
    return List.of(text(name), value == null || value.isEmpty() ? emphasis("not set") : text(value));
  }

  private static Node table(List<String> header, List<List<Node>> rows) {
    TableBlock table = new TableBlock();
    TableHead head = new TableHead();
    TableRow headRow = new TableRow();
    for (String h : header) {
      TableCell cell = new TableCell();
      cell.setHeader(true);
      cell.appendChild(text(h));
      headRow.appendChild(cell);
    }
    head.appendChild(headRow);
    table.appendChild(head);
    TableBody body = new TableBody();
    for (List<Node> r : rows) {
      TableRow row = new TableRow();
      for (Node n : r) {
        TableCell cell = new TableCell();
        cell.appendChild(n);
        row.appendChild(cell);
      }
      body.appendChild(row);
    }
    table.appendChild(body);
    return table;
  }

  private static void appendAll(Node into, Node parsed) {
    Node child = parsed.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      into.appendChild(child);
      child = next;
    }
  }

  private static BulletList tightList() {
    BulletList list = new BulletList();
    list.setTight(true);
    return list;
  }

  private static Heading heading(int level, String title) {
    Heading h = new Heading();
    h.setLevel(level);
    h.appendChild(text(title));
    return h;
  }

  private static Paragraph paragraph(Node... children) {
    Paragraph p = new Paragraph();
    for (Node c : children) {
      p.appendChild(c);
    }
    return p;
  }

  private static ListItem item(Node... children) {
    ListItem item = new ListItem();
    item.appendChild(paragraph(children));
    return item;
  }

  /** Text on one line: table cells and list items cannot hold line breaks. */
  private static Text text(String s) {
    return new Text(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
  }

  private static Emphasis emphasis(String s) {
    Emphasis e = new Emphasis();
    e.appendChild(text(s));
    return e;
  }

  private static StrongEmphasis strong(String s) {
    StrongEmphasis e = new StrongEmphasis();
    e.appendChild(text(s));
    return e;
  }

  private static Link link(String destination, String label) {
    Link l = new Link(destination, null);
    l.appendChild(text(label));
    return l;
  }
}
