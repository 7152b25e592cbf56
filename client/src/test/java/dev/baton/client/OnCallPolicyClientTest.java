package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.IncidentRunbooks;
import dev.baton.api.model.RunbookList;
import dev.baton.api.model.ShiftHandoverResult;
import dev.baton.api.model.SnoozeRuleInfo;
import dev.baton.api.model.WhoAmI;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's runbook, snooze-rule and shift-handover calls against a real embedded receiver. */
class OnCallPolicyClientTest {

  private static final String ALICE = "alice-secret-0123456789";
  private static final String SENDER = "ingest-secret-0123456789";

  @TempDir
  Path dir;

  @Test
  void runbooksSnoozeRulesAndShiftHandover() throws Exception {
    Path book = Files.createDirectories(dir.resolve("book"));
    Files.writeString(book.resolve("disk.md"), "---\ntitle: Disk full\nmql: trigger = DiskFull\npriority: 1\n---\nFree space.\n");
    Files.writeString(book.resolve("bad.md"), "---\ntitle: Bad\n---\n");
    String config = """
        tokens:
          - {name: alice, role: operate, secret: %s}
          - {name: prom, role: ingest, secret: %s}
        runbooks: book
        """.formatted(ALICE, SENDER);
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
            .withConfig(ConfigLoader.parse(config, "test.yml", dir)));
        BatonClient alice = BatonClient.builder(server.url()).token(ALICE).readTimeout(Duration.ofSeconds(20)).build()) {
      AlertSender.fire(server.url(), SENDER, Map.of("alertname", "DiskFull", "project", "alpha", "server", "db1"));
      long id = alice.incidents(IncidentQuery.of("trigger = DiskFull")).items().get(0).id();

      RunbookList all = alice.runbooks();
      assertEquals(List.of("disk.md"), all.runbooks().stream().map(r -> r.path()).toList());
      assertEquals("bad.md", all.problems().get(0).path());
      IncidentRunbooks matched = alice.runbooks(id);
      assertEquals("Free space.\n", matched.runbooks().get(0).body());
      assertEquals(1, alice.incident(id).card().runbooks(), "the card counts the runbook");
      assertEquals(1, alice.incidents(IncidentQuery.of("trigger = DiskFull")).items().get(0).runbooks());

      // critical is S2; a project without a service level makes it async: it waits in #l1's async queue
      AlertSender.fire(server.url(), SENDER, Map.of("alertname", "DiskSlow", "project", "alpha", "severity", "critical"));
      long slow = alice.incidents(IncidentQuery.of("trigger = DiskSlow")).items().get(0).id();
      assertEquals(List.of(slow), alice.incidents(IncidentQuery.asyncQueue("l1")).items().stream()
          .map(c -> c.id()).toList());
      assertEquals(List.of(), alice.incidents(IncidentQuery.asyncQueue("#bravo")).items());

      SnoozeRuleInfo rule = alice.createSnoozeRule("~server = db1", Instant.now().plus(Duration.ofHours(1)), "upgrade");
      assertEquals(List.of(id), rule.incidents());
      assertEquals(1, alice.snoozeRules().rules().size());
      assertEquals("snoozed", alice.incident(id).card().status());
      assertEquals(List.of(id), alice.endSnoozeRule(rule.id()).incidents());
      BatonApiException gone = assertThrows(BatonApiException.class, () -> alice.endSnoozeRule(rule.id()));
      assertEquals(404, gone.status());

      alice.take(id, null);
      ShiftHandoverResult handed = alice.handOverShift("alice", "#l1", "end of shift");
      assertEquals(List.of(id), handed.incidents());
      assertEquals("#l1", alice.incident(id).card().holder());
      BatonApiException bad = assertThrows(BatonApiException.class, () -> alice.handOverShift("alice", "nobody", "x"));
      assertEquals("to", bad.parameter());
      assertTrue(bad.getMessage().contains("not a holder"), bad.getMessage());
    }
  }

  @Test
  void whoamiTellsTheTokensActorRoleAndTeams() throws Exception {
    String config = """
        tokens:
          - {name: alice, role: operate, secret: %s}
          - {name: prom, role: ingest, secret: %s}
        teams:
          l1: {members: [alice, bob]}
          bravo: {members: ["@alice"]}
          charlie: {members: [carol]}
        """.formatted(ALICE, SENDER);
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
            .withConfig(ConfigLoader.parse(config, "test.yml", dir)));
        BatonClient alice = BatonClient.builder(server.url()).token(ALICE).build();
        BatonClient prom = BatonClient.builder(server.url()).token(SENDER).build();
        BatonClient nobody = BatonClient.builder(server.url()).build()) {
      assertEquals(new WhoAmI("alice", "operate", true, List.of("bravo", "l1")), alice.whoami());
      assertEquals(new WhoAmI("prom", "ingest", true, List.of()), prom.whoami());
      BatonApiException anonymous = assertThrows(BatonApiException.class, nobody::whoami);
      assertEquals(401, anonymous.status());
    }
    try (BatonServer open = BatonServer.start(ServerSettings.forDatabase(dir.resolve("open.db")));
        BatonClient local = BatonClient.builder(open.url()).build()) {
      WhoAmI me = local.whoami();
      assertEquals(System.getProperty("user.name"), me.name(), "without tokens the receiver's OS user acts");
      assertEquals("admin", me.role());
      assertEquals(false, me.token());
    }
  }
}
