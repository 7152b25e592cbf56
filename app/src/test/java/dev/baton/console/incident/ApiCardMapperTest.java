package dev.baton.console.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.FiringPeriod;
import dev.baton.api.model.FiringSummary;
import dev.baton.api.model.Sla;
import dev.baton.api.model.Snooze;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiCardMapperTest {

  private static final Instant OPENED = Instant.parse("2026-11-21T10:00:00Z");

  private static dev.baton.api.model.IncidentCard dto(String severity, String status, String state, Sla sla,
      FiringSummary firing, String assignee) {
    return new dev.baton.api.model.IncidentCard(17, "alpha", "PLATINUM", List.of("DiskFull", "CpuHot"), severity,
        List.of("l1", "alice"), "alice", assignee, null, "long text", status, state, 3, firing, OPENED, null,
        Duration.ofMinutes(5), sla, null, 2, Map.of("instance", List.of("db1", "db2")), 42);
  }

  @Test
  void mapsEveryFieldTheListShows() {
    FiringPeriod first = new FiringPeriod(OPENED, OPENED.plusSeconds(60));
    FiringPeriod last = new FiringPeriod(OPENED.plusSeconds(120), null);
    IncidentCard card = ApiCardMapper.toCard(dto("S2", "taken", "firing",
        new Sla("urgent", Duration.ofMinutes(15), OPENED.plusSeconds(900), true),
        new FiringSummary(first, 3, last), "alice"));

    assertEquals(17, card.id());
    assertEquals("alpha", card.project());
    assertEquals("PLATINUM", card.serviceLevel());
    assertEquals(List.of("DiskFull", "CpuHot"), card.triggers());
    assertEquals(Severity.of(2), card.severity());
    assertEquals("alice", card.holder());
    assertEquals("alice", card.assignee());
    assertEquals("", card.shortDescription());
    assertEquals(WorkflowStatus.TAKEN, card.status());
    assertEquals(AlertState.FIRING, card.state());
    assertEquals(3, card.alertCount());
    assertEquals(3, card.firing().count());
    assertEquals(OPENED.plusSeconds(60), card.firing().first().end());
    assertTrue(card.firing().last().open());
    assertEquals(SlaClass.URGENT, card.sla().slaClass());
    assertEquals(Duration.ofMinutes(15), card.sla().responseTime());
    assertEquals(OPENED.plusSeconds(900), card.sla().deadline());
    assertEquals(2, card.runbooks());
    assertEquals(List.of("db1", "db2"), card.labels().get("instance"));
    assertEquals(42, card.version());
  }

  @Test
  void instantEventIncidentsHaveStateNoneNoFiringAndMaySnooze() {
    dev.baton.api.model.IncidentCard snoozed = new dev.baton.api.model.IncidentCard(5, "beta", null, List.of("Deploy"),
        "S7", List.of(), "", null, "deployed", null, "snoozed", "none", 1, null, OPENED, null, null,
        new Sla("retro", null, null, false), new Snooze(null, true, false, "bob", null), 0, Map.of(), 1);
    IncidentCard card = ApiCardMapper.toCard(snoozed);
    assertEquals(AlertState.NONE, card.state());
    assertEquals(WorkflowStatus.SNOOZED, card.status());
    assertNull(card.firing());
    assertEquals("", card.assignee());
    assertEquals("", card.holder());
    assertEquals(SlaClass.RETRO, card.sla().slaClass());
    assertTrue(card.snooze().forever());
    assertEquals("bob", card.snooze().by());
  }

  @Test
  void aCardTheConsoleCannotShowIsNamedWithItsField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiCardMapper.toCard(
        dto("S1", "parked", "firing", new Sla("async", null, null, false), null, null)));
    assertTrue(e.getMessage().startsWith("incident 17 from the receiver"), e.getMessage());
    assertTrue(e.getMessage().contains("PARKED"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> ApiCardMapper.toCard(
        dto("S1", "open", "firing", null, null, null)));
    assertTrue(e.getMessage().contains("sla is missing"), e.getMessage());
  }
}
