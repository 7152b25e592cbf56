package dev.baton.server.incident;

import dev.baton.server.alert.Alert;
import dev.baton.server.alert.AlertChange;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Sla;
import dev.baton.server.policy.SlaTable;
import dev.baton.server.alert.AlertState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups alerts into incidents over the in-memory open incidents. Runs only on the writer thread.
 *
 * <p>An alert that needs an incident rejoins the open incident it belongs to, else the open
 * incident of its grouping key, else a new one is opened. A closed incident is never reopened:
 * the new incident links to the last one of the same grouping key as its history.
 */
public final class IncidentTracker {

  private SlaTable slaTable = SlaTable.DEFAULT;

  /** The most recent incident of a grouping key, 0 when there was none. */
  public interface HistoryLookup {
    long lastIncidentId(String groupingKey);
  }

  private final Map<Long, Incident> openById = new HashMap<>();
  private final Map<String, Incident> openByKey = new HashMap<>();
  private final HistoryLookup history;
  private long nextIncidentId;

  public IncidentTracker(HistoryLookup history, long nextIncidentId, Collection<Incident> open) {
    this.history = history;
    this.nextIncidentId = nextIncidentId;
    for (Incident i : open) {
      openById.put(i.id(), i);
      openByKey.put(i.groupingKey(), i);
    }
  }

  public boolean isOpen(long incidentId) {
    return incidentId != 0 && openById.containsKey(incidentId);
  }

  public Incident open(long incidentId) {
    return openById.get(incidentId);
  }

  public Collection<Incident> openIncidents() {
    return openById.values();
  }

  /** The response-time table for incidents opened or raised from now on (the configuration's). */
  public void slaTable(SlaTable table) {
    slaTable = table;
  }

  /**
   * Passes an open incident to {@code holder} without a person's action (routing when it opens,
   * escalation): queued there, taken by nobody. The caller records it in the holder chain and timeline.
   */
  public void pass(Incident incident, String holder, long now) {
    incident.hold(Holding.queued(holder));
    if (incident.status() == IncidentStatus.TAKEN) {
      incident.status(IncidentStatus.OPEN);
    }
    incident.touched(now);
  }

  /**
   * Follows one alert change. A snoozed incident wakes when it gets worse (an alert joins, its
   * severity rises, an ok alert fires again); with close-if-ok it closes once all its alerts are ok.
   *
   * @param trigger       the alert's trigger (alertname), shown on a new incident
   * @param serviceLevel  the project's service level, for a new incident's SLA
   * @param defaultHolder who holds a new incident ({@code #l1} unless the project names another)
   * @param cause         an open incident the alert joins instead of opening one of its own (a triage
   *                      rule's attach to cause), or null
   * @return what changed, or null when the alert is in no open incident and needs none
   */
  public IncidentChange follow(AlertChange change, String trigger, ServiceLevel serviceLevel, String defaultHolder,
      Incident cause, long now) {
    Alert alert = change.alert();
    Incident incident = openById.get(alert.incidentId());
    if (incident == null && !change.needsIncident()) {
      return null;
    }
    boolean opened = false;
    if (incident == null) {
      incident = openByKey.get(alert.groupingKey());
    }
    if (incident == null && cause != null && openById.get(cause.id()) == cause) {
      incident = cause;
    }
    if (incident == null) {
      Sla sla = slaTable.sla(alert.severity(), serviceLevel);
      java.time.Instant due = sla.deadline(java.time.Instant.ofEpochMilli(now));
      incident = new Incident(nextIncidentId++, alert.key().project(), alert.groupingKey(), trigger, now,
          history.lastIncidentId(alert.groupingKey()), serviceLevel, IncidentStatus.OPEN, 0, alert.severity(),
          sla.slaClass(), due == null ? 0 : due.toEpochMilli(), 0, 0, Incident.noMembers(),
          Holding.queued(defaultHolder), null, now);
      openById.put(incident.id(), incident);
      openByKey.put(incident.groupingKey(), incident);
      opened = true;
    }
    var stateBefore = opened ? null : incident.state();
    var severityBefore = opened ? null : incident.severity();
    IncidentStatus statusBefore = incident.status();
    var slaClassBefore = incident.slaClass();
    boolean joined = alert.incidentId() != incident.id();
    if (joined) {
      alert.joinedIncident(incident.id());
      incident.addMember(alert.state());
    } else if (change.stateChanged()) {
      incident.moveMember(change.before(), alert.state());
    }
    boolean firedAgain = change.before() == AlertState.OK && alert.state() == AlertState.FIRING;
    // Only an alert's severity that arrives now raises the incident: a severity lowered by hand
    // stays until an alert joins, gets more severe, or fires again.
    boolean severityArrives = joined || change.severityRaised() || firedAgain;
    if (severityArrives && alert.severity().moreSevereThan(incident.severity())) {
      Sla sla = slaTable.sla(alert.severity(), incident.serviceLevel());
      java.time.Instant due = sla.deadline(java.time.Instant.ofEpochMilli(incident.openedAt()));
      incident.severity(alert.severity(), sla.slaClass(), due == null ? 0 : due.toEpochMilli());
    }
    boolean severityRaised = severityBefore != null && incident.severity().moreSevereThan(severityBefore);
    String woke = null;
    boolean closedAsOk = false;
    if (incident.status() == IncidentStatus.SNOOZED) {
      if (joined && !opened) {
        woke = "alert_joined";
      } else if (severityRaised) {
        woke = "severity_raised";
      } else if (firedAgain) {
        woke = "alert_fired_again";
      }
      if (woke != null) {
        Relay.wake(incident);
      } else if (incident.snooze().closeIfOk() && incident.state() == AlertState.OK) {
        close(incident.id(), now);
        closedAsOk = true;
      }
    }
    IncidentChange result = new IncidentChange(incident, opened, joined, stateBefore, severityBefore, statusBefore,
        slaClassBefore, woke, closedAsOk);
    if (!closedAsOk && (opened || joined || incident.state() != stateBefore || severityRaised || woke != null)) {
      incident.touched(now);
    }
    return result;
  }

  /** Whether an open incident has this grouping key (an alert of that key joins it). */
  public boolean hasOpenKey(String groupingKey) {
    return openByKey.containsKey(groupingKey);
  }

  /** The latest opened of the open incidents of a project with this trigger, or null. */
  public Incident openWithTrigger(String project, String trigger) {
    Incident latest = null;
    for (Incident i : openById.values()) {
      if (i.project().equals(project) && trigger.equals(i.trigger())
          && (latest == null || i.openedAt() > latest.openedAt() || (i.openedAt() == latest.openedAt() && i.id() > latest.id()))) {
        latest = i;
      }
    }
    return latest;
  }

  /** Snoozed incidents whose snooze has run out at {@code now}, woken (status back, snooze cleared). */
  public List<Incident> wakeEnded(long now) {
    List<Incident> woken = new ArrayList<>();
    for (Incident i : openById.values()) {
      if (i.status() == IncidentStatus.SNOOZED && i.snooze().endedBy(now)) {
        Relay.wake(i);
        i.touched(now);
        woken.add(i);
      }
    }
    return woken;
  }

  /** Closes an open incident; later alerts of its grouping key open a new one. */
  public Incident close(long incidentId, long now) {
    Incident incident = openById.remove(incidentId);
    if (incident == null) {
      throw new IllegalStateException("incident " + incidentId + " is not open");
    }
    openByKey.remove(incident.groupingKey());
    incident.close(now);
    incident.snooze(null);
    incident.touched(now);
    return incident;
  }
}
