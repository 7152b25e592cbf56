package dev.baton.server.incident;

import dev.baton.server.alert.AlertState;
import dev.baton.server.policy.Severity;

/**
 * What an alert change did to its incident, for the writer to persist and record in the timeline.
 *
 * @param incident       the incident after the change
 * @param opened         the incident was opened now (its row must be inserted)
 * @param joined         the alert joined it now
 * @param stateBefore    aggregated state before
 * @param severityBefore severity before (null when opened now)
 */
public record IncidentChange(
    Incident incident, boolean opened, boolean joined, AlertState stateBefore, Severity severityBefore) {

  public boolean severityRaised() {
    return severityBefore != null && incident.severity().moreSevereThan(severityBefore);
  }
}
