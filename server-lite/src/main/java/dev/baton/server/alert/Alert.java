package dev.baton.server.alert;

import dev.baton.server.ingest.Event;
import dev.baton.server.policy.Severity;

/**
 * The in-memory hot state of one alert: what the writer needs to apply the next event without
 * reading the database. Labels and annotations live only in the store; their hashes tell the
 * writer when to rewrite them. Times are epoch milliseconds; 0 means none.
 * Mutated only by {@link AlertTracker} on the writer thread.
 */
public final class Alert {

  private final long id;
  private final AlertKey key;
  private final Event.Kind kind;
  private final long firstSeen;
  private AlertState state;
  private Severity severity;
  private long lastSeen;
  private long expiresAt;
  private long pendingUntil;
  private long refreshMillis;
  private long periodStart;
  private int fireCount;
  private int resolvedWhilePending;
  private long incidentId;
  private String groupingKey;
  private String trigger;
  private long labelsHash;
  private long annotationsHash;
  /** A column other than last_seen and expires_at changed since the row was last written in full. */
  private boolean statusChanged;

  /** Restores an alert as stored, or creates a new one (state and times set by the tracker). */
  public Alert(long id, AlertKey key, Event.Kind kind, long firstSeen, AlertState state, Severity severity,
      long lastSeen, long expiresAt, long pendingUntil, long refreshMillis, long periodStart,
      int fireCount, int resolvedWhilePending, long incidentId, String groupingKey, String trigger, long labelsHash,
      long annotationsHash) {
    this.id = id;
    this.key = key;
    this.kind = kind;
    this.firstSeen = firstSeen;
    this.state = state;
    this.severity = severity;
    this.lastSeen = lastSeen;
    this.expiresAt = expiresAt;
    this.pendingUntil = pendingUntil;
    this.refreshMillis = refreshMillis;
    this.periodStart = periodStart;
    this.fireCount = fireCount;
    this.resolvedWhilePending = resolvedWhilePending;
    this.incidentId = incidentId;
    this.groupingKey = groupingKey;
    this.trigger = trigger;
    this.labelsHash = labelsHash;
    this.annotationsHash = annotationsHash;
  }

  public long id() { return id; }
  public AlertKey key() { return key; }
  public Event.Kind kind() { return kind; }
  public long firstSeen() { return firstSeen; }
  /** Null for instant alerts. */
  public AlertState state() { return state; }
  public Severity severity() { return severity; }
  public long lastSeen() { return lastSeen; }
  /** When a firing alert turns unknown unless refreshed; 0 = never (sender sends explicit resolves). */
  public long expiresAt() { return expiresAt; }
  public long pendingUntil() { return pendingUntil; }
  public long refreshMillis() { return refreshMillis; }
  /** Start of the firing period in progress, 0 when none is. */
  public long periodStart() { return periodStart; }
  public int fireCount() { return fireCount; }
  public int resolvedWhilePending() { return resolvedWhilePending; }
  /** The incident this alert last joined, 0 when none. */
  public long incidentId() { return incidentId; }
  public String groupingKey() { return groupingKey; }
  /** The alertname label, or null. */
  public String trigger() { return trigger; }
  public long labelsHash() { return labelsHash; }
  public long annotationsHash() { return annotationsHash; }

  /**
   * True when a column other than last_seen and expires_at changed since the row was last written
   * in full: an unchanged re-send of a firing alert only needs those two updated.
   */
  public boolean statusChanged() { return statusChanged; }
  /** The row now holds every column as this object does. */
  public void statusWritten() { statusChanged = false; }

  void state(AlertState s) { statusChanged |= state != s; state = s; }
  void severity(Severity s) { statusChanged |= severity != s; severity = s; }
  void lastSeen(long t) { lastSeen = t; }
  void expiresAt(long t) { expiresAt = t; }
  void pendingUntil(long t) { statusChanged |= pendingUntil != t; pendingUntil = t; }
  void refreshMillis(long ms) { statusChanged |= refreshMillis != ms; refreshMillis = ms; }
  void periodStart(long start) { statusChanged |= periodStart != start; periodStart = start; }
  void fired() { fireCount++; statusChanged = true; }
  void countResolvedWhilePending() { resolvedWhilePending++; statusChanged = true; }
  void groupingKey(String k) { groupingKey = k; }
  void trigger(String t) { trigger = t; }
  void labelsHash(long h) { labelsHash = h; }
  void annotationsHash(long h) { annotationsHash = h; }

  /** Set when the alert joins an incident; by the incident tracker through the pipeline. */
  public void joinedIncident(long incident) { statusChanged |= incidentId != incident; incidentId = incident; }
}
