package dev.baton.server.incident;

import dev.baton.server.alert.AlertState;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Severity;
import dev.baton.server.policy.SlaClass;

/**
 * The in-memory hot state of one incident, enough for the writer to group alerts and keep the
 * incident's severity, SLA and aggregated state without reading the database. Times are epoch
 * milliseconds, 0 for none. Mutated only on the writer thread.
 */
public final class Incident {

  private final long id;
  private final String project;
  private final String groupingKey;
  private final String trigger;
  private final long openedAt;
  private final long previousId;
  private final ServiceLevel serviceLevel;
  private IncidentStatus status;
  private long closedAt;
  private Severity severity;
  private SlaClass slaClass;
  private long responseDueAt;
  private int alertCount;
  private long version;
  private long updatedAt;
  private Holding holding;
  private SnoozeTerms snooze;
  /** Member alerts per {@link AlertState} ordinal, and instant members at the end. */
  private final int[] members;

  public Incident(long id, String project, String groupingKey, String trigger, long openedAt, long previousId,
      ServiceLevel serviceLevel, IncidentStatus status, long closedAt, Severity severity, SlaClass slaClass,
      long responseDueAt, int alertCount, long version, int[] members, Holding holding, SnoozeTerms snooze,
      long updatedAt) {
    this.id = id;
    this.project = project;
    this.groupingKey = groupingKey;
    this.trigger = trigger;
    this.openedAt = openedAt;
    this.previousId = previousId;
    this.serviceLevel = serviceLevel;
    this.status = status;
    this.closedAt = closedAt;
    this.severity = severity;
    this.slaClass = slaClass;
    this.responseDueAt = responseDueAt;
    this.alertCount = alertCount;
    this.version = version;
    this.members = members.clone();
    this.holding = holding;
    this.snooze = snooze;
    this.updatedAt = updatedAt;
  }

  /** Counters sized for {@link #members(int[])}: one per alert state plus instants. */
  public static int[] noMembers() {
    return new int[AlertState.values().length + 1];
  }

  public long id() { return id; }
  public String project() { return project; }
  public String groupingKey() { return groupingKey; }
  public String trigger() { return trigger; }
  public long openedAt() { return openedAt; }
  /** The previous incident of the same grouping key (history), 0 when none. */
  public long previousId() { return previousId; }
  public ServiceLevel serviceLevel() { return serviceLevel; }
  public IncidentStatus status() { return status; }
  public long closedAt() { return closedAt; }
  public Severity severity() { return severity; }
  public SlaClass slaClass() { return slaClass; }
  /** 0 for retro incidents (no deadline). */
  public long responseDueAt() { return responseDueAt; }
  public int alertCount() { return alertCount; }
  /** Incremented on every change; the console API uses it for If-Match. */
  public long version() { return version; }
  public int[] members() { return members.clone(); }
  /** When it last changed (epoch ms). */
  public long updatedAt() { return updatedAt; }
  /** Who holds the baton; never null. */
  public Holding holding() { return holding; }
  /** The snooze in force, or null. */
  public SnoozeTerms snooze() { return snooze; }

  /** Aggregated state: firing if any alert fires, else unknown, else ok, else pending; null for instant-only. */
  public AlertState state() {
    for (AlertState s : new AlertState[] {AlertState.FIRING, AlertState.UNKNOWN, AlertState.PENDING, AlertState.OK}) {
      if (members[s.ordinal()] > 0) {
        return s;
      }
    }
    return null;
  }

  void addMember(AlertState state) {
    alertCount++;
    members[slot(state)]++;
  }

  void moveMember(AlertState from, AlertState to) {
    members[slot(from)]--;
    members[slot(to)]++;
  }

  void severity(Severity s, SlaClass sla, long dueAt) {
    severity = s;
    slaClass = sla;
    responseDueAt = dueAt;
  }

  void close(long at) {
    status = IncidentStatus.CLOSED;
    closedAt = at;
  }

  void touched(long now) {
    version++;
    updatedAt = Math.max(updatedAt, now);
  }

  void hold(Holding h) {
    holding = h;
  }

  void status(IncidentStatus s) {
    status = s;
  }

  void snooze(SnoozeTerms terms) {
    snooze = terms;
  }

  private static int slot(AlertState state) {
    return state == null ? AlertState.values().length : state.ordinal();
  }
}
