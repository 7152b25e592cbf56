package dev.baton.server.incident;

import dev.baton.server.alert.AlertState;
import dev.baton.server.policy.Severity;
import dev.baton.server.policy.SlaClass;

/**
 * What an alert change did to its incident, for the writer to persist and record in the timeline.
 *
 * @param incident       the incident after the change
 * @param opened         the incident was opened now (its row must be inserted)
 * @param joined         the alert joined it now
 * @param stateBefore    aggregated state before
 * @param severityBefore severity before (null when opened now)
 * @param statusBefore   workflow status before
 * @param slaClassBefore SLA class before
 * @param wokeBecause    why a snoozed incident woke now (alert_joined, severity_raised,
 *                       alert_fired_again), or null
 * @param closedAsOk     a snooze with close-if-ok closed it now: all its alerts are ok
 */
public record IncidentChange(
    Incident incident, boolean opened, boolean joined, AlertState stateBefore, Severity severityBefore,
    IncidentStatus statusBefore, SlaClass slaClassBefore, String wokeBecause, boolean closedAsOk) {

  public boolean severityRaised() {
    return severityBefore != null && incident.severity().moreSevereThan(severityBefore);
  }
}
