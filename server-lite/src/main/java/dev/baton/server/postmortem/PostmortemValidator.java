package dev.baton.server.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.DamageFigure;
import dev.baton.api.model.GlossaryEntry;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemSection;
import dev.baton.api.model.TimelineNote;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks request bodies field by field and turns them into the API's records; every problem is
 * reported at once, each with its field's path. What needs the store (do the incidents exist, are
 * they covered elsewhere) is checked by {@link Postmortems}.
 */
final class PostmortemValidator {

  static final int MAX_INCIDENTS = 50;
  static final int MAX_TITLE = 200;
  static final int MAX_NAME = 100;
  static final int MAX_TEXT = 50_000;
  static final int MAX_NOTE = 5_000;
  static final int MAX_LIST = 50;
  static final int MAX_FIGURES = 20;
  static final int MAX_SECTIONS = 30;
  static final int MAX_QUESTIONS = 20;
  static final int MAX_GLOSSARY = 200;
  static final int MAX_LINK = 2_000;
  /** Clocks differ; a time further ahead than this is a typo. */
  static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

  static final Set<String> FIELDS = Set.of("title", "status", "owner", "incidentIds", "failureStart", "failureEnd",
      "investigationStart", "investigationEnd", "triggerCategory", "detection", "damageCategory", "damageText",
      "damageFigures", "teams", "services", "alertWouldHave", "alertKind", "sections", "glossary");

  private final Vocabulary vocabulary;

  PostmortemValidator(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  NewPostmortem create(JsonNode body) {
    BodyReader r = new BodyReader();
    JsonNode o = r.object(body, "(body)");
    if (o == null) {
      r.finish();
    }
    r.onlyKeys(o, "", Set.of("incidentIds", "title", "owner"));
    List<Long> ids = incidentIds(r, o.get("incidentIds"));
    String title = r.line(o.get("title"), "title", MAX_TITLE, false);
    String owner = r.line(o.get("owner"), "owner", MAX_NAME, false);
    r.finish();
    return new NewPostmortem(ids, title, owner);
  }

  PostmortemFields fields(JsonNode body, Instant now) {
    BodyReader r = new BodyReader();
    JsonNode o = r.object(body, "(body)");
    if (o == null) {
      r.finish();
    }
    r.onlyKeys(o, "", FIELDS);
    String title = r.line(o.get("title"), "title", MAX_TITLE, true);
    String status = r.choice(o.get("status"), "status", Vocabulary.STATUSES);
    if (BodyReader.absent(o.get("status"))) {
      r.problem("status", "required; one of draft, in_review, done");
    }
    String owner = r.line(o.get("owner"), "owner", MAX_NAME, false);
    List<Long> incidents = incidentIds(r, o.get("incidentIds"));
    Instant failureStart = time(r, o, "failureStart", now);
    Instant failureEnd = time(r, o, "failureEnd", now);
    Instant investigationStart = time(r, o, "investigationStart", now);
    Instant investigationEnd = time(r, o, "investigationEnd", now);
    order(r, failureStart, failureEnd, "failureEnd", "failureStart");
    order(r, investigationStart, investigationEnd, "investigationEnd", "investigationStart");
    if (failureStart != null && investigationStart != null && investigationStart.isBefore(failureStart)) {
      r.problem("investigationStart", "is before failureStart (" + failureStart
          + "): an investigation starts once the failure has");
    }
    String trigger = r.choice(o.get("triggerCategory"), "triggerCategory", vocabulary.triggers());
    String detection = r.choice(o.get("detection"), "detection", Vocabulary.DETECTION);
    String damage = r.choice(o.get("damageCategory"), "damageCategory", Vocabulary.DAMAGE);
    String damageText = r.text(o.get("damageText"), "damageText", MAX_TEXT, false);
    List<DamageFigure> figures = figures(r, o.get("damageFigures"));
    List<String> teams = r.names(o.get("teams"), "teams", MAX_LIST, MAX_NAME);
    List<String> services = r.names(o.get("services"), "services", MAX_LIST, MAX_NAME);
    String wouldHave = r.choice(o.get("alertWouldHave"), "alertWouldHave", Vocabulary.ALERT_WOULD_HAVE);
    String alertKind = r.choice(o.get("alertKind"), "alertKind", vocabulary.alertKinds());
    boolean helps = wouldHave != null && !wouldHave.equals(Vocabulary.NOT_JUDGED);
    if (helps && alertKind == null && BodyReader.absent(o.get("alertKind"))) {
      r.problem("alertKind", "required when alertWouldHave is " + wouldHave + ": which kind of alert");
    }
    boolean readable = wouldHave != null || BodyReader.absent(o.get("alertWouldHave")); // else already reported
    if (!helps && alertKind != null && readable) {
      r.problem("alertKind", "only with alertWouldHave prevented or shortened (it is "
          + (wouldHave == null ? "not set" : wouldHave) + ")");
    }
    List<PostmortemSection> sections = sections(r, o.get("sections"));
    List<GlossaryEntry> glossary = glossary(r, o.get("glossary"));
    if (Vocabulary.DONE.equals(status)) {
      // a finished report feeds the analytics: the fields they count must be there
      requireForDone(r, o, "owner", owner);
      requireForDone(r, o, "failureStart", failureStart);
      requireForDone(r, o, "failureEnd", failureEnd);
      requireForDone(r, o, "triggerCategory", trigger);
      requireForDone(r, o, "detection", detection);
      requireForDone(r, o, "damageCategory", damage);
      requireForDone(r, o, "alertWouldHave", wouldHave);
    }
    r.finish();
    return new PostmortemFields(title, status, owner, incidents, failureStart, failureEnd, investigationStart,
        investigationEnd, trigger, detection, damage, damageText, figures, teams, services, wouldHave, alertKind,
        sections, glossary);
  }

  TimelineNote note(JsonNode body, Instant now) {
    BodyReader r = new BodyReader();
    JsonNode o = r.object(body, "(body)");
    if (o == null) {
      r.finish();
    }
    r.onlyKeys(o, "", Set.of("at", "text"));
    Instant at = time(r, o, "at", now);
    if (BodyReader.absent(o.get("at"))) {
      r.problem("at", "required: when it happened, e.g. 2026-11-21T10:00:00Z");
    }
    String text = r.text(o.get("text"), "text", MAX_NOTE, true);
    r.finish();
    return new TimelineNote(at, text);
  }

  ActionItemFields action(JsonNode body) {
    BodyReader r = new BodyReader();
    JsonNode o = r.object(body, "(body)");
    if (o == null) {
      r.finish();
    }
    r.onlyKeys(o, "", Set.of("title", "link", "done"));
    String title = r.line(o.get("title"), "title", MAX_TITLE, true);
    String link = r.line(o.get("link"), "link", MAX_LINK, false);
    if (link != null && !httpUrl(link)) {
      r.problem("link", "expected an http(s) URL of the tracker task, got '" + link + "'");
    }
    JsonNode done = o.get("done");
    if (!BodyReader.absent(done) && !done.isBoolean()) {
      r.problem("done", "expected true or false, got " + BodyReader.kind(done));
    }
    r.finish();
    return new ActionItemFields(title, link, done != null && done.asBoolean(false));
  }

  private static boolean httpUrl(String link) {
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static List<Long> incidentIds(BodyReader r, JsonNode node) {
    List<Long> ids = new ArrayList<>();
    if (BodyReader.absent(node)) {
      r.problem("incidentIds", "required: the ids of the incidents it covers (1 to " + MAX_INCIDENTS + ")");
      return ids;
    }
    List<JsonNode> items = r.array(node, "incidentIds", MAX_INCIDENTS);
    if (node.isArray() && node.isEmpty()) {
      r.problem("incidentIds", "at least one incident");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode n = items.get(i);
      if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() <= 0) {
        r.problem("incidentIds[" + i + "]", "expected a positive incident id, got " + n);
      } else if (ids.contains(n.asLong())) {
        r.problem("incidentIds[" + i + "]", "incident " + n.asLong() + " is listed twice");
      } else {
        ids.add(n.asLong());
      }
    }
    return ids;
  }

  private static Instant time(BodyReader r, JsonNode o, String field, Instant now) {
    Instant t = r.instant(o.get(field), field);
    if (t != null && t.isAfter(now.plus(FUTURE_SLACK))) {
      r.problem(field, t + " is in the future (now is " + now + ")");
      return null;
    }
    return t;
  }

  private static void order(BodyReader r, Instant start, Instant end, String endField, String startField) {
    if (start != null && end != null && end.isBefore(start)) {
      r.problem(endField, end + " is before " + startField + " " + start);
    }
  }

  private static void requireForDone(BodyReader r, JsonNode o, String field, Object value) {
    if (value == null && BodyReader.absent(o.get(field))) {
      r.problem(field, "required when status is done");
    }
  }

  private static List<DamageFigure> figures(BodyReader r, JsonNode node) {
    List<DamageFigure> out = new ArrayList<>();
    List<JsonNode> items = r.array(node, "damageFigures", MAX_FIGURES);
    for (int i = 0; i < items.size(); i++) {
      String at = "damageFigures[" + i + "]";
      JsonNode f = r.object(items.get(i), at);
      if (f == null) {
        continue;
      }
      r.onlyKeys(f, at + ".", Set.of("name", "value", "unit"));
      String name = r.line(f.get("name"), at + ".name", MAX_NAME, true);
      JsonNode v = f.get("value");
      Double value = null;
      if (BodyReader.absent(v)) {
        r.problem(at + ".value", "required: the number");
      } else if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        r.problem(at + ".value", "expected a number, got " + BodyReader.kind(v));
      } else {
        value = v.asDouble();
      }
      String unit = r.line(f.get("unit"), at + ".unit", 30, false);
      if (name != null && value != null) {
        out.add(new DamageFigure(name, value, unit));
      }
    }
    return out;
  }

  private static List<PostmortemSection> sections(BodyReader r, JsonNode node) {
    List<PostmortemSection> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    List<JsonNode> items = r.array(node, "sections", MAX_SECTIONS);
    for (int i = 0; i < items.size(); i++) {
      String at = "sections[" + i + "]";
      JsonNode s = r.object(items.get(i), at);
      if (s == null) {
        continue;
      }
      r.onlyKeys(s, at + ".", Set.of("title", "questions", "answer"));
      String title = r.line(s.get("title"), at + ".title", MAX_TITLE, true);
      if (title != null && !titles.add(title.toLowerCase(Locale.ROOT))) {
        r.problem(at + ".title", "another section is titled '" + title + "'");
      }
      List<String> questions = new ArrayList<>();
      List<JsonNode> qs = r.array(s.get("questions"), at + ".questions", MAX_QUESTIONS);
      for (int k = 0; k < qs.size(); k++) {
        String q = r.line(qs.get(k), at + ".questions[" + k + "]", 500, true);
        if (q != null) {
          questions.add(q);
        }
      }
      String answer = r.text(s.get("answer"), at + ".answer", MAX_TEXT, false);
      if (title != null) {
        out.add(new PostmortemSection(title, questions, answer == null ? "" : answer));
      }
    }
    return out;
  }

  private static List<GlossaryEntry> glossary(BodyReader r, JsonNode node) {
    List<GlossaryEntry> out = new ArrayList<>();
    Set<String> terms = new HashSet<>();
    List<JsonNode> items = r.array(node, "glossary", MAX_GLOSSARY);
    for (int i = 0; i < items.size(); i++) {
      String at = "glossary[" + i + "]";
      JsonNode g = r.object(items.get(i), at);
      if (g == null) {
        continue;
      }
      r.onlyKeys(g, at + ".", Set.of("term", "definition"));
      String term = r.line(g.get("term"), at + ".term", MAX_NAME, true);
      String definition = r.text(g.get("definition"), at + ".definition", 2_000, true);
      if (term != null && !terms.add(term.toLowerCase(Locale.ROOT))) {
        r.problem(at + ".term", "'" + term + "' is defined twice");
      } else if (term != null && definition != null) {
        out.add(new GlossaryEntry(term, definition));
      }
    }
    return out;
  }
}
