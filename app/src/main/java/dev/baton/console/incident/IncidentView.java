package dev.baton.console.incident;

import java.util.function.BiPredicate;

/** The side bar's views: which incidents each one lists. */
public enum IncidentView {
  URGENT("Urgent", (card, me) -> card.status().active() && card.sla().urgent()),
  MINE("Mine", (card, me) -> card.status() != WorkflowStatus.CLOSED && me.holds(card)),
  MY_TEAM("My team", (card, me) -> card.status() != WorkflowStatus.CLOSED && me.teamHolds(card)),
  ASYNC_QUEUE("Async queue", (card, me) -> card.status().active() && card.sla().slaClass() == SlaClass.ASYNC),
  SNOOZED("Snoozed", (card, me) -> card.status() == WorkflowStatus.SNOOZED),
  RETRO("Retro", (card, me) -> card.status().active() && card.sla().slaClass() == SlaClass.RETRO),
  CLOSED("Closed", (card, me) -> card.status() == WorkflowStatus.CLOSED),
  ALL("All", (card, me) -> true);

  private final String title;
  private final BiPredicate<IncidentCard, Operator> membership;

  IncidentView(String title, BiPredicate<IncidentCard, Operator> membership) {
    this.title = title;
    this.membership = membership;
  }

  public String title() {
    return title;
  }

  public boolean contains(IncidentCard card, Operator me) {
    return membership.test(card, me);
  }
}
