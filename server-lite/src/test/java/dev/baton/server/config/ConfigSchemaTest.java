package dev.baton.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.Mql;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Severity;
import dev.baton.server.policy.Sla;
import dev.baton.server.policy.SlaClass;
import dev.baton.server.policy.SlaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The on-call policy sections of baton.yml: teams, routing, default holder, SLA overrides, heartbeats. */
class ConfigSchemaTest {

  /** The complete example of docs/config.md, so the documentation cannot drift from the loader. */
  static String documentedExample() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "config.md"));
    Matcher m = Pattern.compile("## A complete example\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertTrue(m.find(), "docs/config.md has a complete example");
    return m.group(1);
  }

  @Test
  void theDocumentedExampleIsValidAndReadAsDocumented() throws Exception {
    BatonConfig c = ConfigLoader.parse(documentedExample(), "docs/config.md", Path.of("/etc/baton"));
    assertEquals(java.util.Set.of("l1", "bravo"), c.teams().keySet());
    TeamConfig l1 = c.teams().get("l1");
    assertEquals(List.of("anna.smirnova", "oleg.petrov"), l1.members());
    assertEquals(List.of("#bravo", "@dmitry.kosobokov"), l1.escalation());
    assertEquals(null, l1.escalateAfter());
    assertEquals(Duration.ofMinutes(15), c.teams().get("bravo").escalateAfter());
    assertEquals(3, c.routing().size());
    RouteRule first = c.routing().get(0);
    assertEquals("routing[0]", first.name());
    assertEquals(List.of("@vasiliy.vasiliyev"), first.targets());
    assertTrue(first.matches(Mql.forIncidents().subject().field("project", "horns-and-hooves")
        .alert(java.util.Map.of("server", "gitlab")).build()));
    assertEquals("drm to bravo", c.routing().get(1).name());
    assertEquals(List.of("#l1", "#bravo"), c.routing().get(2).targets());
    assertEquals("#l1", c.defaults().defaultHolder());
    assertEquals("#bravo", c.project("drm-stat").defaultHolder());
    assertEquals(Duration.ofMinutes(1), c.pendingDelay("drm-stat", Severity.of(4)));
    assertEquals(Duration.ofMinutes(2), c.pendingDelay("horns-and-hooves", Severity.of(4)));
    assertEquals(Duration.ofMinutes(5), c.pendingDelay("drm-stat", Severity.of(5)));
    assertEquals(new Sla(SlaClass.URGENT, Duration.ofHours(1)), c.sla().sla(Severity.of(4), ServiceLevel.GOLD));
    assertEquals(new Sla(SlaClass.URGENT, Duration.ofMinutes(30)), c.sla().sla(Severity.of(1), ServiceLevel.NONE));
    assertEquals(SlaTable.lookup(Severity.of(3), ServiceLevel.GOLD), c.sla().sla(Severity.of(3), ServiceLevel.GOLD));
    assertEquals(Duration.ofMinutes(2), c.sources().get(0).heartbeat());
    assertEquals(Severity.of(1), c.sources().get(0).heartbeatSeverity());
    assertEquals(null, c.source("nightly-backup").orElseThrow().token(), "a source known by name only");
    assertEquals(Duration.ofHours(25), c.source("nightly-backup").orElseThrow().heartbeat());
    assertEquals(java.util.Set.of("Watchdog", "DeadMansSwitch"), c.heartbeats().alertnames());
    assertEquals(Severity.of(2), c.heartbeats().severity());
    assertEquals(Path.of("/srv/runbooks"), c.runbooks());
    assertEquals(4, c.triage().size());
    assertEquals("quiet noise", c.triage().get(0).name());
    assertEquals(TriageRule.Action.CLOSE_IF_OK_BEFORE_TAKEN, c.triage().get(0).action());
    assertEquals(Severity.of(3), c.triage().get(1).severity());
    assertEquals("triage[1]", c.triage().get(1).name());
    assertEquals("#bravo", c.triage().get(2).to());
    assertEquals(TriageRule.Action.ATTACH_TO_CAUSE, c.triage().get(3).action());
    assertTrue(c.triage().get(3).matches(Mql.forIncidents().subject().field("project", "drm-stat").build()));
  }

  @Test
  void triageProblemsAreReportedWithTheirPath() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
        triage:
          - {mql: 'severity >= S5', action: close}
          - {mql: 'trigger = X', action: set_severity}
          - {mql: 'trigger = X', action: route, to: '#dba'}
          - {mql: 'projct = x', action: attach_to_cause}
          - {mql: 'trigger = X', action: route, to: '@alice', severity: S2}
          - {action: set_severity, severity: S0, when: now}
          - 'severity >= S5'
        """, "baton.yml"));
    List<String> expected = List.of(
        "triage[0].action: expected one of close_if_ok_before_taken, set_severity, route, attach_to_cause, got 'close'",
        "triage[1]: set_severity needs severity (S1..S9)",
        "triage[2].to: team '#dba' is not defined in teams",
        "triage[3].mql: mql 1:1: unknown field 'projct' — did you mean 'project'?\nprojct = x\n^",
        "triage[4].severity: only set_severity takes a severity",
        "triage[5].when: unknown key, expected one of [action, mql, name, severity, to]",
        "triage[5].mql: required",
        "triage[5].severity: expected a severity S1..S9, got 'S0'",
        "triage[6]: expected a mapping like {mql: 'severity >= S5', action: close_if_ok_before_taken}");
    List<String> p = e.problems();
    for (String want : expected) {
      assertTrue(p.contains(want), "missing: " + want + "\nall:\n" + String.join("\n", p));
    }
    assertEquals(expected.size(), p.size(), String.join("\n", p));
  }

  @Test
  void withoutHeartbeatsSectionWatchdogAndDeadMansSwitchAreHeartbeatsAndSilenceIsS2() throws Exception {
    BatonConfig c = ConfigLoader.parse("", "empty.yml");
    assertEquals(java.util.Set.of("Watchdog", "DeadMansSwitch"), c.heartbeats().alertnames());
    assertEquals(Severity.of(2), c.heartbeats().severity());
  }

  @Test
  void heartbeatProblemsAreReportedWithTheirPath() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
        heartbeats:
          alertnames: Watchdog
          severity: loud
          period: 1m
        sources:
          - {name: p, heartbeat: 0s}
          - {name: p, heartbeat_severity: S1}
          - {heartbeat: 1m, heartbeat_severity: S0}
        """, "baton.yml"));
    List<String> expected = List.of(
        "heartbeats.period: unknown key, expected one of [alertnames, severity]",
        "heartbeats.alertnames: expected a list of alert names, like [Watchdog, DeadMansSwitch]",
        "heartbeats.severity: expected a severity S1..S9, got 'loud'",
        "sources[0].heartbeat: expected a positive duration, got '0s'",
        "sources[1].name: another source is named 'p'",
        "sources[1].heartbeat_severity: the source has no heartbeat, so it never opens a no-data-for incident;"
            + " add heartbeat or remove heartbeat_severity",
        "sources[2].name: required",
        "sources[2].heartbeat_severity: expected a severity S1..S9, got 'S0'");
    List<String> p = e.problems();
    for (String want : expected) {
      assertTrue(p.contains(want), "missing: " + want + "\nall:\n" + String.join("\n", p));
    }
    assertEquals(expected.size(), p.size(), String.join("\n", p));
  }

  @Test
  void withoutPolicySectionsTheDefaultsApply() throws Exception {
    BatonConfig c = ConfigLoader.parse("", "empty.yml");
    assertEquals("#l1", c.project("any").defaultHolder());
    assertEquals(List.of(), c.routing());
    assertEquals(SlaTable.lookup(Severity.of(1), ServiceLevel.PLATINUM), c.sla().sla(Severity.of(1), ServiceLevel.PLATINUM));
  }

  @Test
  void everyPolicyProblemIsReportedWithItsPath() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
        teams:
          bravo:
            members: [dmitry.kosobokov, "no spaces please"]
            escalation: ["#charlie", "boss", "@dmitry.kosobokov"]
            escalate_after: soon
          "#bad": {}
        routing:
          - 'projct = drm -> #bravo'
          - 'project = drm -> #delta'
          - 'project = drm'
          - {name: named, rule: 42}
        defaults:
          default_holder: l1
        projects:
          x: {default_holder: "#zulu", pending: {S9: never}}
        sla:
          Diamond: {S1: 1m}
          Gold: {S0: 1m, S2: soonish, S3: 0m}
        sources:
          - {name: p, token: t, heartbeat: often}
        tokens:
          - {name: t, role: ingest, secret: "0123456789abcdefgh"}
        """, "baton.yml"));
    List<String> p = e.problems();
    List<String> expected = List.of(
        "teams.bravo.members[1]: expected a person's name like 'dmitry.kosobokov', got 'no spaces please'",
        "teams.bravo.escalate_after: expected a duration like 30s, 5m, 2h, 1d, got 'soon'",
        "teams.#bad: a team name has letters, digits, '_', '.' and '-' only (no '#')",
        "teams.bravo.escalation[0]: team '#charlie' is not defined in teams",
        "teams.bravo.escalation[1]: expected a team queue like '#l1' or a person like '@dmitry.kosobokov', got 'boss'",
        "routing[0]: mql 1:1: unknown field 'projct' — did you mean 'project'?\nprojct = drm -> #bravo\n^",
        "routing[1]: team '#delta' is not defined in teams",
        "routing[2]: mql 1:14: expected '->' and at least one target (@person or #team)\nproject = drm\n             ^",
        "routing[3].rule: expected a routing rule like 'project = \"x\" AND ~server = \"gitlab\" -> @vasiliy.vasiliyev'",
        "defaults.default_holder: expected a team queue like '#l1' or a person like '@dmitry.kosobokov', got 'l1'",
        "projects.x.default_holder: team '#zulu' is not defined in teams",
        "projects.x.pending.S9: expected a duration like 30s, 5m, 2h, 1d, got 'never'",
        "sla.Diamond: expected a service level Platinum, Gold, Silver or None as key",
        "sla.Gold.S0: expected a severity S1..S9 as key",
        "sla.Gold.S2: expected a response time like 15m, or async, or retro, got 'soonish'",
        "sla.Gold.S3: expected a positive response time, got '0m'",
        "sources[0].heartbeat: expected a duration like 30s, 5m, 2h, 1d, got 'often'");
    for (String want : expected) {
      assertTrue(p.contains(want), "missing: " + want + "\nall:\n" + String.join("\n", p));
    }
    assertEquals(expected.size(), p.size(), String.join("\n", p));
  }
}
