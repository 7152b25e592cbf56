package dev.baton.console.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident as the list shows it: the fields of PRODUCT.md "The incident card", shaped after
 * the console API's card (issue 4) so its client can fill it directly.
 *
 * @param holderChain every holder the baton passed through, oldest first; the last one holds it now
 * @param assignee the person working on it, or empty
 * @param firing null for incidents of instant events only
 * @param closed null while open
 * @param snooze null unless snoozed
 * @param runbooks runbooks whose MQL matches the incident
 * @param labels aggregated label values over the incident's alerts, in label-name order
 * @param version the receiver's version of the incident, sent back with writes ({@code If-Match})
 */
public record IncidentCard(
    long id,
    String project,
    String serviceLevel,
    List<String> triggers,
    Severity severity,
    List<String> holderChain,
    String assignee,
    String shortDescription,
    WorkflowStatus status,
    AlertState state,
    int alertCount,
    FiringSummary firing,
    Instant opened,
    Instant closed,
    Sla sla,
    Snooze snooze,
    int runbooks,
    Map<String, List<String>> labels,
    long version) {

  public IncidentCard {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(sla, "sla");
    serviceLevel = serviceLevel == null ? "None" : serviceLevel;
    triggers = List.copyOf(triggers);
    holderChain = List.copyOf(holderChain);
    assignee = assignee == null ? "" : assignee;
    shortDescription = shortDescription == null ? "" : shortDescription;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    labels.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    labels = java.util.Collections.unmodifiableMap(copy);
  }

  /** The current holder (a team queue or a person), or empty when nobody holds it yet. */
  public String holder() {
    return holderChain.isEmpty() ? "" : holderChain.get(holderChain.size() - 1);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closed);
  }

  public Optional<FiringSummary> firingSummary() {
    return Optional.ofNullable(firing);
  }

  public Optional<Snooze> snoozed() {
    return Optional.ofNullable(snooze);
  }
}
