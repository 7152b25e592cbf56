package dev.baton.server.policy;

/**
 * A smart ignore rule (a maintenance window): open incidents matching {@code mql} are snoozed
 * until {@code until}; something worse still wakes them, as any snooze.
 *
 * @param id        its number; incidents snoozed by it name it
 * @param mql       the query, as written
 * @param until     when it ends by itself (epoch ms)
 * @param comment   why (shown on every incident it snoozes)
 * @param author    who created it
 * @param createdAt epoch ms
 */
public record SnoozeRule(long id, String mql, long until, String comment, String author, long createdAt) {

  /** How incidents' snoozes name the rule ({@code snoozed_by}): {@code rule:7}. */
  public String snoozedBy() {
    return "rule:" + id;
  }
}
