package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.SnoozeRequest;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's incident actions against a real embedded receiver with operator tokens. */
class IncidentActionsClientTest {

  private static final String ALICE = "alice-secret-0123456789";
  private static final String BOB = "bob-secret-0123456789";
  private static final String WALL = "wall-secret-0123456789";
  private static final String SENDER = "ingest-secret-0123456789";
  private static final String CONFIG = """
      tokens:
        - {name: alice, role: operate, secret: %s}
        - {name: bob, role: operate, secret: %s}
        - {name: wall, role: read, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      projects:
        alpha: {service_level: Platinum}
      severity:
        labels: {critical: S1, warning: S3}
        default: S6
      """.formatted(ALICE, BOB, WALL, SENDER);

  @TempDir
  Path dir;
  BatonServer server;
  BatonClient alice;
  BatonClient bob;
  long id;

  @BeforeEach
  void start() throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(CONFIG, "test.yml")));
    fire("DiskFull", "db1");
    alice = BatonClient.builder(server.url()).token(ALICE).readTimeout(Duration.ofSeconds(20)).build();
    bob = BatonClient.builder(server.url()).token(BOB).readTimeout(Duration.ofSeconds(20)).build();
    id = alice.incidents(IncidentQuery.of("trigger = DiskFull")).items().get(0).id();
  }

  @AfterEach
  void stop() {
    alice.close();
    bob.close();
    server.close();
  }

  private void fire(String name, String instance) throws IOException {
    AlertSender.fire(server.url(), SENDER, Map.of("alertname", name, "project", "alpha", "severity", "critical",
        "instance", instance));
  }

  @Test
  void takeAndAConflictThatNamesTheHolder() throws Exception {
    IncidentCard seen = alice.incident(id).card();
    assertEquals("#l1", seen.holder());
    IncidentCard taken = alice.take(id, seen.version());
    assertEquals("@alice", taken.holder());
    assertEquals("taken", taken.status());
    assertEquals(List.of("#l1", "@alice"), taken.holderChain());
    assertEquals(seen.version() + 1, taken.version());

    BatonApiException held = assertThrows(BatonApiException.class, () -> bob.take(id, null));
    assertTrue(held.isConflict());
    assertEquals(409, held.status());
    assertEquals("@alice", held.holder());
    assertEquals(taken.version(), held.currentVersion());
    assertTrue(held.getMessage().contains("held by @alice"), held.getMessage());

    BatonApiException stale = assertThrows(BatonApiException.class,
        () -> bob.handover(id, "#l2", "wrong queue", seen.version()));
    assertTrue(stale.isConflict());
    assertEquals(taken.version(), stale.currentVersion());
    IncidentCard handed = bob.handover(id, "#l2", "their database", stale.currentVersion());
    assertEquals("#l2", handed.holder());
    assertEquals("open", handed.status());
  }

  @Test
  void everyActionReturnsTheUpdatedCard() throws Exception {
    Instant wake = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    IncidentCard snoozed = alice.snooze(id, SnoozeRequest.until(wake).closingIfOk().withComment("maintenance"), null);
    assertEquals("snoozed", snoozed.status());
    assertEquals(wake, snoozed.snooze().until());
    assertTrue(snoozed.snooze().closeIfOk());
    assertEquals("alice", snoozed.snooze().by());
    assertEquals("maintenance", snoozed.snooze().comment());
    IncidentCard awake = alice.unsnooze(id, null, snoozed.version());
    assertEquals("open", awake.status());
    assertNull(awake.snooze());
    IncidentCard lasting = alice.snooze(id, SnoozeRequest.lasting(Duration.ofMinutes(30)), null);
    assertFalse(lasting.snooze().forever());
    IncidentCard forever = alice.snooze(id, SnoozeRequest.forever("known noise"), null);
    assertTrue(forever.snooze().forever());
    assertNull(forever.snooze().until());
    BatonApiException noComment = assertThrows(BatonApiException.class,
        () -> alice.snooze(id, SnoozeRequest.forever(null), null));
    assertEquals(400, noComment.status());
    assertEquals("comment", noComment.parameter());

    assertEquals("S3", alice.severity(id, "S3", "a replica only", null).severity());
    IncidentCard described = alice.describe(id, "disk full", "cleaned **logs**", null);
    assertEquals("disk full", described.shortDescription());
    assertEquals("cleaned **logs**", described.longDescription());
    long before = described.version();
    assertEquals(before + 1, alice.comment(id, "watching", null).version());
    IncidentCard closed = alice.close(id, "fixed", null);
    assertEquals("closed", closed.status());
    assertEquals(409, assertThrows(BatonApiException.class, () -> alice.close(id, null, null)).status());
    List<String> kinds = alice.incident(id).timeline().stream().map(t -> t.kind()).toList();
    assertEquals(List.of("opened", "alert_joined", "snoozed", "unsnoozed", "snoozed", "snoozed", "severity_set",
        "described", "commented", "closed"), kinds);
  }

  @Test
  void aViewerTokenCannotAct() throws Exception {
    try (BatonClient wall = BatonClient.builder(server.url()).token(WALL).build()) {
      BatonApiException e = assertThrows(BatonApiException.class, () -> wall.take(id, null));
      assertEquals(403, e.status());
      assertFalse(e.isConflict());
    }
    assertEquals(404, assertThrows(BatonApiException.class, () -> alice.take(9999, null)).status());
  }
}
