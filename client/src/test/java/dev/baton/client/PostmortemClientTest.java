package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.SlaReport;
import dev.baton.api.model.TimelineNote;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's post-mortem and report calls against a real embedded receiver (SQLite file, loopback HTTP). */
class PostmortemClientTest {

  private static final String OPERATOR = "operator-secret-0123456789";
  private static final String SENDER = "ingest-secret-0123456789";
  private static final String CONFIG = """
      tokens:
        - {name: ops, role: operate, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      """.formatted(OPERATOR, SENDER);

  @TempDir
  static Path dir;
  static BatonServer server;
  static BatonClient client;
  static long incident;

  @BeforeAll
  static void start() throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(CONFIG, "test.yml")));
    AlertSender.fire(server.url(), SENDER, Map.of("alertname", "DiskFull", "project", "alpha", "team", "storage"));
    client = BatonClient.builder(server.url()).token(OPERATOR).build();
    incident = client.incidents(IncidentQuery.of("trigger = DiskFull")).items().get(0).id();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void writesAPostmortemAndReadsItsReport() throws Exception {
    assertTrue(client.postmortemOptions().triggerCategories().size() >= 6);
    Postmortem p = client.createPostmortem(new NewPostmortem(List.of(incident), "Disk full on db1", null));
    assertEquals(List.of("storage"), p.teams());
    assertEquals("ops", p.owner());
    PostmortemFields f = PostmortemFields.of(p);
    Postmortem updated = client.updatePostmortem(p.id(), new PostmortemFields(f.title(), "in_review", f.owner(),
        f.incidentIds(), f.failureStart(), f.failureEnd(), f.investigationStart(), f.investigationEnd(), "capacity",
        "alert", "unavailability", "disk filled with logs", f.damageFigures(), f.teams(), f.services(), "prevented",
        "system_resources", f.sections(), f.glossary()), p.version());
    assertEquals("capacity", updated.triggerCategory());
    BatonApiException stale = assertThrows(BatonApiException.class,
        () -> client.updatePostmortem(p.id(), f, p.version()));
    assertTrue(stale.isConflict(), stale.getMessage());
    BatonApiException invalid = assertThrows(BatonApiException.class, () -> client.updatePostmortem(p.id(),
        new PostmortemFields("", "done", null, f.incidentIds(), null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null), updated.version()));
    assertEquals(400, invalid.status());
    assertEquals("title", invalid.parameter());
    assertTrue(invalid.getMessage().contains("failureEnd: required when status is done"), invalid.getMessage());
    assertTrue(invalid.fields().stream().anyMatch(fp -> fp.field().equals("failureEnd")
        && fp.message().equals("required when status is done")), invalid.fields().toString());
    assertEquals("title", invalid.fields().get(0).field());
    assertTrue(stale.fields().isEmpty(), "a 409 names no field");

    Postmortem noted = client.addTimelineNote(p.id(), new TimelineNote(Instant.now().minusSeconds(5), "rotated logs"),
        updated.version());
    long note = noted.timeline().stream().filter(e -> e.kind().equals("note")).findFirst().orElseThrow().id();
    noted = client.editTimelineEntry(p.id(), note, new TimelineNote(Instant.now().minusSeconds(5), "rotated all logs"),
        null);
    assertTrue(noted.timeline().stream().anyMatch(e -> e.text().equals("rotated all logs")));
    Postmortem acted = client.addActionItem(p.id(), new ActionItemFields("Alert on disk at 80%",
        "https://tracker.example/OPS-1", false), null);
    acted = client.updateActionItem(p.id(), acted.actions().get(0).id(), new ActionItemFields("Alert on disk at 80%",
        "https://tracker.example/OPS-1", true), null);
    assertTrue(acted.actions().get(0).done());
    byte[] log = "10:00 <alice> db1 full\n".getBytes(StandardCharsets.UTF_8);
    Postmortem withLog = client.addArtifact(p.id(), "chat.log", "text/plain", log, null);
    long artifact = withLog.artifacts().get(0).id();
    assertArrayEquals(log, client.artifact(p.id(), artifact));
    String md = new String(client.exportPostmortem(p.id(), "md"), StandardCharsets.UTF_8);
    assertTrue(md.startsWith("# Disk full on db1\n"), md);
    assertTrue(md.contains("10:00 <alice> db1 full"), md);
    assertEquals(1, client.postmortems(new PostmortemQuery("in_review", null, null, incident, null, null, null))
        .items().size());

    IncidentReport report = client.incidentReport(null, null, "project = alpha");
    assertEquals(1, report.incidents());
    assertEquals(1, report.withPostmortem());
    assertEquals(1, report.alertPrevention().prevented());
    assertEquals("system_resources", report.alertPrevention().byKind().get(0).id());
    assertEquals(1.0, report.detection().byAlerts());
    SlaReport sla = client.slaReport(Instant.parse("2000-01-01T00:00:00Z"), null, "project = alpha");
    assertEquals(1, sla.incidents());
    assertEquals("alpha", sla.perProject().get(0).key());
    assertEquals("l1", sla.perTeam().get(0).key());
    assertEquals(1, sla.noise().perTrigger().get(0).incidents());
    assertEquals(0L, sla.noise().resolvedWhilePending());
    assertEquals(400, assertThrows(BatonApiException.class, () -> client.slaReport(null, null, "project =")).status());
    client.removeArtifact(p.id(), artifact, null);
    assertEquals(404, assertThrows(BatonApiException.class, () -> client.artifact(p.id(), artifact)).status());
  }
}
