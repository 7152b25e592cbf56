package dev.baton.server.incident;

/**
 * The snooze in force on an incident.
 *
 * @param at        when it was snoozed (epoch ms)
 * @param until     when it wakes by itself (epoch ms), 0 when forever
 * @param forever   no end: it wakes only when it gets worse
 * @param closeIfOk close the incident once all its alerts are ok
 * @param by        who snoozed it
 * @param comment   why (required for forever)
 */
public record SnoozeTerms(long at, long until, boolean forever, boolean closeIfOk, String by, String comment) {

  /** True when a timed snooze has run out at {@code now}. */
  public boolean endedBy(long now) {
    return !forever && until <= now;
  }
}
