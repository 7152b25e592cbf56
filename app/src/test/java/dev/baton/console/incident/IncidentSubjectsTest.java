package dev.baton.console.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.mql.Mql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentSubjectsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
  private final IncidentSubjects subjects = new IncidentSubjects(Mql.forIncidents());

  private static IncidentCard card(long id, String project, int severity, String holder, String summary,
      AlertState state, String kubernetes) {
    return SampleIncidents.card(id, project, "Gold", List.of("Trigger" + id), severity, List.of("l1", holder), holder,
        summary, WorkflowStatus.OPEN, state, 1, null, NOW.minusSeconds(600),
        Sla.urgent(Duration.ofMinutes(10), NOW.plusSeconds(60)), null, 0,
        kubernetes == null ? SampleIncidents.labels() : SampleIncidents.labels("kubernetes", kubernetes));
  }

  @Test
  void theWarmUpEvaluatesEachTypicalFilterOverEverySubject() {
    List<IncidentCard> cards = List.of(
        // the first filter (payments at S1-S2) and the second (firing)
        card(1, "payments", 1, "bob", "Error rate high", AlertState.FIRING, "prod-us"),
        // the second (prod-eu) only: held by alice, so not the third though its summary says disk
        card(2, "payments", 3, "alice", "the disk is almost full", AlertState.OK, "prod-eu"),
        // the third only
        card(3, "search", 2, "carol", "the disk is full", AlertState.OK, null),
        // none
        card(4, "search", 4, "dave", "Latency", AlertState.OK, "prod-us"));
    assertEquals(4, subjects.warmUp(cards.stream().map(subjects::of).toList()));
    assertEquals(0, subjects.warmUp(List.of()));
  }
}
