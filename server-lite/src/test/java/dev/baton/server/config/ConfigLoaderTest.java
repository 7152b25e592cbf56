package dev.baton.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.ingest.IngestLimits;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final String FULL = """
      tokens:
        - name: prometheus
          role: ingest
          secret: ingest-secret-0123456789
        - name: alice
          role: operate
          secret: alice-secret-0123456789
      sources:
        - name: prom-main
          token: prometheus
          default_project: horns-and-hooves
      defaults:
        service_level: Silver
        grouping: [alertname]
      projects:
        horns-and-hooves:
          service_level: Gold
          grouping: [alertname, kubernetes]
          non_identifying: [pod, prometheus_replica]
      severity:
        labels: {critical: S1, warning: S3}
        default: S6
      pending:
        S4: 2m
      limits:
        max_body: 1MiB
        queue: 100
        batch: 50
        commit_timeout: 3s
        http_threads: 16
        labels_per_alert: 20
        alerts_per_request: 500
      """;

  @Test
  void readsEverySection() throws Exception {
    BatonConfig c = ConfigLoader.parse(FULL, "baton.yml");
    assertEquals(List.of(new TokenConfig("prometheus", Role.INGEST, "ingest-secret-0123456789"),
        new TokenConfig("alice", Role.OPERATE, "alice-secret-0123456789")), c.tokens());
    assertEquals("prom-main", c.sourceForToken("prometheus").orElseThrow().name());
    assertEquals("horns-and-hooves", c.sourceForToken("prometheus").orElseThrow().defaultProject());
    ProjectConfig p = c.project("horns-and-hooves");
    assertEquals(ServiceLevel.GOLD, p.serviceLevel());
    assertEquals(List.of("alertname", "kubernetes"), p.grouping());
    assertEquals(Set.of("pod", "prometheus_replica"), p.nonIdentifying());
    assertEquals(ServiceLevel.SILVER, c.project("elsewhere").serviceLevel());
    assertEquals(Set.of("prometheus_replica", "replica"), c.project("elsewhere").nonIdentifying());
    assertEquals(Severity.of(1), c.severity().of(java.util.Map.of("severity", "critical")));
    assertEquals(Severity.of(6), c.severity().of(java.util.Map.of("severity", "info")), "labels map replaces the defaults");
    assertEquals(Duration.ofMinutes(2), c.pendingDelay(Severity.of(4)));
    assertEquals(Duration.ZERO, c.pendingDelay(Severity.of(1)));
    assertEquals(new Limits(1024 * 1024, 100, 50, Duration.ofSeconds(3), 16,
        new IngestLimits(20, 256, 4096, 64 * 1024, 500)), c.limits());
    assertTrue(c.authEnabled());
  }

  @Test
  void emptyFileGivesDefaults() throws Exception {
    BatonConfig c = ConfigLoader.parse("", "baton.yml");
    assertEquals(BatonConfig.DEFAULT.limits(), c.limits());
    assertEquals(ProjectConfig.DEFAULT, c.project("x"));
    assertTrue(!c.authEnabled());
  }

  @Test
  void everyProblemIsReportedWithItsPath() {
    String bad = """
        tokens:
          - name: a
            role: boss
            secret: short
        sources:
          - name: s
            token: nobody
        projects:
          horns-and-hooves:
            service_level: Diamond
            grouping: [alertname, "bad-label"]
        severity:
          labels: {critical: S0}
        pending:
          S4: soon
          X1: 1m
        limits:
          queue: -1
          max_body: lots
        colour: blue
        """;
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad, "baton.yml"));
    List<String> p = e.problems();
    assertTrue(p.contains("tokens[0].role: expected one of ingest, read (or viewer), operate (or operator), admin, got 'boss'"), p.toString());
    assertTrue(p.contains("tokens[0].secret: too short, use at least 16 characters"), p.toString());
    assertTrue(p.contains("sources[0].token: no token named 'nobody' in tokens"), p.toString());
    assertTrue(p.contains("projects.horns-and-hooves.service_level: expected one of Platinum, Gold, Silver, None, got 'Diamond'"), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("projects.horns-and-hooves.grouping[1]: expected a label name")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("severity.labels.critical: expected a severity S1..S9")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("pending.S4: expected a duration")), p.toString());
    assertTrue(p.contains("pending.X1: expected a severity S1..S9 as key"), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("limits.queue: expected a positive whole number")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("limits.max_body: expected a size")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("colour: unknown key")), p.toString());
  }

  @Test
  void defaultHolderIsInheritedAndChecked() throws Exception {
    BatonConfig c = ConfigLoader.parse("""
        defaults: {default_holder: "#ops"}
        teams: {ops: {members: [oleg]}}
        projects:
          pay: {default_holder: "@vasiliy.vasiliyev"}
          web: {service_level: Gold}
        """, "baton.yml");
    assertEquals("@vasiliy.vasiliyev", c.project("pay").defaultHolder());
    assertEquals("#ops", c.project("web").defaultHolder());
    assertEquals("#l1", ConfigLoader.parse("", "baton.yml").project("x").defaultHolder());
    assertEquals(List.of(Role.READ, Role.OPERATE), ConfigLoader.parse("""
        tokens:
          - {name: wall, role: viewer, secret: wall-secret-0123456789}
          - {name: ann, role: operator, secret: ann-secret-0123456789}
        """, "baton.yml").tokens().stream().map(TokenConfig::role).toList(), "the issue's words for read and operate");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse("projects:\n  pay: {default_holder: l1}\n", "baton.yml"));
    assertEquals(List.of("projects.pay.default_holder: expected a team queue like '#l1' or a person like"
        + " '@dmitry.kosobokov', got 'l1'"), e.problems());
    ConfigException undefined = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse("projects:\n  pay: {default_holder: '#opz'}\n", "baton.yml"));
    assertEquals(List.of("projects.pay.default_holder: team '#opz' is not defined in teams"), undefined.problems());
  }

  @Test
  void yamlSyntaxErrorsCarryLineAndColumn() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse("tokens:\n  - name: [unclosed\n", "baton.yml"));
    assertTrue(e.problems().get(0).startsWith("line "), e.problems().toString());
    assertTrue(e.getMessage().startsWith("baton.yml: "));
  }

  @Test
  void missingFileIsAClearProblem(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yml")));
    assertEquals(List.of("file not found"), e.problems());
  }

  @Test
  void loadsFromAFile(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("baton.yml"), FULL);
    assertEquals(FULL, ConfigLoader.load(f).original());
  }
}
