package dev.baton.api.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One incident as a list shows it (PRODUCT.md "The incident card").
 *
 * @param triggers         distinct triggers (alert names) of its alerts, sorted
 * @param severity         {@code S1} (worst) .. {@code S9}
 * @param holderChain      every holder the baton passed through, oldest first
 * @param holder           who holds it now (last of the chain), or null
 * @param status           open, taken, snoozed or closed
 * @param state            aggregated alert state: firing, pending, unknown, ok, or none (instant events only)
 * @param firing           firing periods of its alerts; null when none fired
 * @param closed           null while open
 * @param duration         opened to closed, or to now while open
 * @param snooze           null unless snoozed
 * @param runbooks         runbooks whose MQL matches
 * @param labels           label name to its distinct values over the alerts, names sorted, values capped
 * @param version          the incident's version, to send back with writes ({@code If-Match})
 */
public record IncidentCard(
    long id,
    String project,
    String serviceLevel,
    List<String> triggers,
    String severity,
    List<String> holderChain,
    String holder,
    String assignee,
    String shortDescription,
    String longDescription,
    String status,
    String state,
    int alertCount,
    FiringSummary firing,
    Instant opened,
    Instant closed,
    Duration duration,
    Sla sla,
    Snooze snooze,
    int runbooks,
    Map<String, List<String>> labels,
    long version) {

  /** The same card with another runbook count. */
  public IncidentCard withRunbooks(int count) {
    return new IncidentCard(id, project, serviceLevel, triggers, severity, holderChain, holder, assignee,
        shortDescription, longDescription, status, state, alertCount, firing, opened, closed, duration, sla, snooze,
        count, labels, version);
  }
}
