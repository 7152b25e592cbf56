package dev.baton.server.alert;

import dev.baton.server.policy.Severity;

/**
 * What one event or tick did to one alert, for the writer to persist and for incidents to follow.
 *
 * @param alert                the alert after the change
 * @param created              first time this alert is seen (its row must be inserted)
 * @param before               state before the change (null for new or instant alerts)
 * @param severityBefore       severity before the change (null when created)
 * @param labelsChanged        labels differ from what is stored
 * @param annotationsChanged   annotations differ from what is stored
 * @param openedPeriod         a firing period began now (its start is the alert's periodStart)
 * @param closedPeriodStart    start of a firing period that ended now (epoch ms), or 0 when none ended
 * @param closedPeriodEnd      when that period ended (epoch ms)
 * @param closedReason         why it ended: {@code resolved} or {@code expired}
 * @param resolvedWhilePending resolved before its pending delay passed: counted as noise, opens nothing
 * @param needsIncident        the alert is firing (after pending) or an instant fact: it belongs in an incident
 */
public record AlertChange(
    Alert alert,
    boolean created,
    AlertState before,
    Severity severityBefore,
    boolean labelsChanged,
    boolean annotationsChanged,
    boolean openedPeriod,
    long closedPeriodStart,
    long closedPeriodEnd,
    String closedReason,
    boolean resolvedWhilePending,
    boolean needsIncident) {

  public boolean stateChanged() {
    return before != alert.state();
  }

  public boolean severityRaised() {
    return severityBefore != null && alert.severity().moreSevereThan(severityBefore);
  }
}
