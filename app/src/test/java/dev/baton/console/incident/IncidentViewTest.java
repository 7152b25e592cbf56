package dev.baton.console.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentViewTest {

  private final List<IncidentCard> cards = SampleIncidents.around(Instant.parse("2026-11-21T18:00:00Z"));
  private final Operator alice = new Operator("alice", Set.of("bravo"));

  private List<Long> ids(IncidentView view) {
    return cards.stream().filter(c -> view.contains(c, alice)).map(IncidentCard::id).toList();
  }

  @Test
  void eachViewListsWhatItsNameSays() {
    assertEquals(List.of(101L, 102L, 103L, 104L), ids(IncidentView.URGENT));
    assertEquals(List.of(106L), ids(IncidentView.MINE));
    assertEquals(List.of(102L), ids(IncidentView.MY_TEAM));
    assertEquals(List.of(105L), ids(IncidentView.ASYNC_QUEUE));
    assertEquals(List.of(106L), ids(IncidentView.SNOOZED));
    assertEquals(List.of(107L), ids(IncidentView.RETRO));
    assertEquals(List.of(108L), ids(IncidentView.CLOSED));
    assertEquals(8, ids(IncidentView.ALL).size());
  }

  @Test
  void urgencyOrderPutsOverdueFirstThenNearestDeadline() {
    List<Long> order = cards.stream().sorted(IncidentOrder.BY_URGENCY).map(IncidentCard::id).toList();
    assertEquals(List.of(106L, 102L, 101L, 104L, 103L, 105L), order.subList(0, 6));
  }
}
