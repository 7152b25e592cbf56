package dev.baton.console.incident;

import java.time.Instant;
import java.util.Comparator;

/** Urgency order: urgent incidents by deadline (overdue first), then async, retro; severity, then age, break ties. */
public final class IncidentOrder {

  public static final Comparator<IncidentCard> BY_URGENCY = Comparator
      .comparing((IncidentCard c) -> c.sla().slaClass())
      .thenComparing(c -> c.sla().urgent() ? c.sla().deadline() : Instant.MAX)
      .thenComparing(IncidentCard::severity)
      .thenComparing(IncidentCard::opened, Comparator.reverseOrder())
      .thenComparingLong(IncidentCard::id);

  private IncidentOrder() {
  }
}
