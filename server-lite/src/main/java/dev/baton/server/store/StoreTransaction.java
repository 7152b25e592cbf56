package dev.baton.server.store;

import dev.baton.server.alert.Alert;
import dev.baton.server.heartbeat.SourceState;
import dev.baton.server.incident.Incident;
import dev.baton.server.policy.Escalations;
import dev.baton.server.ingest.Event;
import java.util.List;

/** One write transaction of the writer: everything a batch derives, committed at once or not at all. */
public interface StoreTransaction {

  /**
   * Stores a raw request body with the number of alerts in it (heartbeats not counted: the
   * source's {@code alerts_received} adds it up); returns its id.
   */
  long insertMessage(long receivedAt, String source, String endpoint, String client, String contentType, byte[] body,
      int alerts);

  void insertEvent(long messageId, long alertId, Event event);

  /** Inserts a new alert row with its label rows. */
  void insertAlert(Alert alert, Event event, String source, long amFingerprint);

  /** Rewrites an alert's labels and annotations after they changed. */
  void updateAlertLabels(Alert alert, Event event, long amFingerprint);

  /** Writes an alert's hot fields (state, severity, times, counters, incident). */
  void updateAlert(Alert alert);

  /** Writes only the alert's last_seen and expires_at: all a re-send of an unchanged firing alert changes. */
  void touchAlert(Alert alert);

  /** Records an ended firing period; the one in progress is the alert's {@code period_start}. */
  void insertPeriod(long alertId, long startedAt, long endedAt, String endedBy);

  /** Records that the alert was resolved while still pending (noise: it opened nothing). */
  void insertPendingNoise(Alert alert, long resolvedAt);

  void insertIncident(Incident incident);

  /** Writes an incident's changing fields (status, state, severity, SLA, counters, version, holder, snooze). */
  void updateIncident(Incident incident);

  /**
   * Saves where the incident is on its team's escalation list (null: nowhere). Internal to the
   * policy: no change event, the card does not show it.
   */
  void escalationProgress(long incidentId, Escalations.Progress progress);

  /** Appends a holder to the incident's holder chain (the baton passed on). */
  void appendHolder(long incidentId, String holder);

  /** Sets the incident's descriptions; a null one is left as it is. */
  void describeIncident(long incidentId, String shortDescription, String longDescription);

  /** Writes a closed incident's version and last change (closed incidents are not in the hot state). */
  void touchClosedIncident(long incidentId, long version, long updatedAt);

  void linkAlert(long incidentId, long alertId, long joinedAt);

  /** Appends to an incident's timeline; {@code detailJson} is a JSON object. */
  void timeline(long incidentId, long at, String actor, String kind, String detailJson);

  /**
   * Runs statements of a feature that keeps its own tables and SQL (post-mortems) inside this
   * transaction, on the writer's connection; SQL failures become {@link StoreException}.
   */
  <T> T sql(SqlWork<T> work);

  /** Stores a new snooze rule; its id. */
  long insertSnoozeRule(String mql, long until, String comment, String author, long createdAt);

  /** Marks a snooze rule ended (it ran out, or was ended by hand). */
  void endSnoozeRule(long id, long endedAt);

  /**
   * Writes these sources' heartbeat bookkeeping (inserted the first time), which counts every
   * message stored so far, this transaction's included; sources not given have no message since
   * their row was last written. Until the next call, {@code source_totals} adds the messages
   * stored after this one to the rows.
   */
  void saveSources(List<SourceState> sources);

  void commit();

  void rollback();
}
