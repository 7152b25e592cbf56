package dev.baton.server.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.Mql;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookParserTest {

  @Test
  void readsFrontMatterAndKeepsTheBodyAsWritten() {
    String body = "On this alert, notify the service's on-call by e-mail:\n\n- `drm-oncall@example.com`\n";
    RunbookParser.Result r = RunbookParser.parse("drm/no-data.md", """
        ---
        title: DRM-stat no-data-for
        mql: project =~ drm and trigger =~ no-data-for
        priority: 3
        owner: drm-team
        ---
        """ + body);
    assertTrue(r.ok(), r.problems().toString());
    Runbook rb = r.runbook();
    assertEquals("drm/no-data.md", rb.path());
    assertEquals("DRM-stat no-data-for", rb.title());
    assertEquals("project =~ drm and trigger =~ no-data-for", rb.mql());
    assertEquals(3, rb.priority());
    assertEquals(body, rb.body());
    assertTrue(rb.query().test(Mql.forIncidents().subject().field("project", "drm-stat")
        .field("trigger", "no-data-for").build()));
    assertFalse(rb.query().test(Mql.forIncidents().subject().field("project", "billing")
        .field("trigger", "no-data-for").build()));
  }

  @Test
  void priorityDefaultsAndEmptyMqlMatchesEverything() {
    RunbookParser.Result r = RunbookParser.parse("all.md", "---\r\ntitle: Everyone\r\nmql: \"\"\r\n---\r\nbody");
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(RunbookParser.DEFAULT_PRIORITY, r.runbook().priority());
    assertEquals("body", r.runbook().body());
    assertTrue(r.runbook().query().test(Mql.forIncidents().subject().field("project", "x").build()));
  }

  @Test
  void missingFrontMatterIsReportedOnLineOne() {
    assertEquals(List.of(new RunbookProblem("notes.md", 1,
        "expected front matter: a first line '---', then title, mql and priority, then '---'")),
        RunbookParser.parse("notes.md", "# Just notes\n").problems());
    assertEquals(List.of(new RunbookProblem("open.md", 1, "the front matter opened here is never closed by a '---' line")),
        RunbookParser.parse("open.md", "---\ntitle: x\nmql: project = a\n").problems());
  }

  @Test
  void badYamlIsLocatedInTheFile() {
    RunbookParser.Result r = RunbookParser.parse("bad.md", "---\ntitle: ok\nmql: [project = a\npriority: 1\n---\n");
    assertFalse(r.ok());
    RunbookProblem p = r.problems().get(0);
    assertTrue(p.message().startsWith("front matter is not valid YAML: "), p.message());
    assertTrue(p.line() >= 3 && p.line() <= 5, "line " + p.line());
  }

  @Test
  void badMqlIsLocatedOnItsLineWithACaret() {
    RunbookParser.Result r = RunbookParser.parse("typo.md", """
        ---
        title: Typo
        priority: 2
        mql: projct = drm
        ---
        text
        """);
    assertFalse(r.ok());
    assertEquals(1, r.problems().size());
    RunbookProblem p = r.problems().get(0);
    assertEquals(4, p.line());
    assertEquals("mql 1:1: unknown field 'projct' — did you mean 'project'?\nprojct = drm\n^", p.message());
  }

  @Test
  void missingTitleAndBadPriorityAreEachReported() {
    RunbookParser.Result r = RunbookParser.parse("x.md", "---\nmql: project = a\npriority: high\n---\n");
    assertFalse(r.ok());
    assertEquals(List.of(new RunbookProblem("x.md", 2, "title: required"),
        new RunbookProblem("x.md", 3, "priority: expected a whole number (lower is listed first), got 'high'")),
        r.problems());
    assertEquals(List.of(new RunbookProblem("y.md", 2, "mql: required (an empty string matches every incident)")),
        RunbookParser.parse("y.md", "---\ntitle: T\n---\n").problems());
    assertEquals(List.of(new RunbookProblem("z.md", 2, "the front matter must be a mapping of title, mql and priority")),
        RunbookParser.parse("z.md", "---\n- a list\n---\n").problems());
  }
}
