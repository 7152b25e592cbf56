package dev.baton.server.store;

import dev.baton.server.alert.Alert;
import dev.baton.server.alert.AlertKey;
import dev.baton.server.heartbeat.SourceState;
import dev.baton.server.policy.SnoozeRule;
import java.util.List;
import java.util.Map;

/**
 * The receiver's durable store. One writer thread uses {@link #begin()} and the lookups; nothing
 * else writes. Implementations keep all SQL inside this package.
 */
public interface Store extends AutoCloseable {

  /**
   * Loads what the writer needs before it applies work: open incidents with their member counts,
   * counters and next ids. Active alerts come separately ({@link #loadActiveAlerts()}), so the
   * receiver is ready without waiting for them.
   */
  HotState loadHotState();

  /**
   * The active (firing, pending, unknown) alerts, read in one snapshot on a connection of their
   * own, so any thread may call it while the writer works.
   */
  List<Alert> loadActiveAlerts();

  /** An alert not held in memory, or null when it was never stored. Writer thread only. */
  Alert loadAlert(AlertKey key);

  /**
   * The alert of a project that carries the sender's dedup key (the most recently created one
   * when several do), including alerts written by the current transaction; null when none.
   * Writer thread only.
   */
  AlertKey findByDedupKey(String project, String dedupKey);

  /** The most recent incident of a grouping key, 0 when none. Writer thread only. */
  long lastIncidentId(String groupingKey);

  /** An incident's workflow facts as stored (for closed ones, which the writer does not hold), or null. Writer thread only. */
  StoredIncident storedIncident(long id);

  /** A stored alert's labels (empty when there is no such alert), for routing an incident opened by the clock. Writer thread only. */
  Map<String, String> alertLabels(long alertId);

  /** A stored alert's annotations (empty when there is no such alert), for the cause an alert opened by the clock names. Writer thread only. */
  Map<String, String> alertAnnotations(long alertId);

  /** The labels of each alert of an incident, for matching a new snooze rule against it. Writer thread only. */
  List<Map<String, String>> incidentLabels(long incidentId);

  /** Snooze rules that have not ended, oldest first. Writer thread only. */
  List<SnoozeRule> activeSnoozeRules();

  /** Every source heard of, with its heartbeat bookkeeping. Writer thread only. */
  List<SourceState> loadSources();

  /**
   * The firing and pending alerts a source sent first (its name is on them), including those
   * written by the current transaction. Writer thread only.
   */
  List<AlertKey> firingAlerts(String source);

  /** Starts a write transaction. Writer thread only; one at a time. */
  StoreTransaction begin();

  @Override
  void close();
}
