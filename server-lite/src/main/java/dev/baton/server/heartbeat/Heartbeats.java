package dev.baton.server.heartbeat;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.SourceConfig;
import dev.baton.server.ingest.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Monitoring of monitoring: when each source last spoke and last proved it is alive, and which
 * watched sources went silent. Runs only on the writer thread; the caller persists {@link
 * #drainChanged} in the same transaction as the incidents its answers lead to. A heartbeat or a
 * source going missing or found is drained at once; messages only move counters that the store
 * can add up from the messages themselves, so those are drained at most every {@link
 * #COUNTS_EVERY_MILLIS} or {@link #COUNTS_EVERY_MESSAGES} (one write instead of one per commit).
 *
 * <p>A watched source (one with a {@code heartbeat} interval) is missing once more than its
 * interval passed since its last heartbeat, or since it began to be watched (the receiver's start,
 * or the reload that gave it its interval) if that is later: silence is measured only while the
 * receiver listens, so a receiver down for an hour does not find every source missing when it is
 * back.
 */
public final class Heartbeats {

  /** The trigger (alertname) of the alert a watched source's silence fires. */
  public static final String NO_DATA_FOR = "no-data-for";

  /** A watched source that just went silent. */
  public record Silence(SourceConfig source, SourceState state) {}

  /** How long the counters of messages may wait before they are drained. */
  static final long COUNTS_EVERY_MILLIS = 1000;
  /** How many messages the counters may take before they are drained (bounds what the store adds up). */
  static final int COUNTS_EVERY_MESSAGES = 1000;

  private final Map<String, SourceState> sources = new HashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  /** A change other than message counters is among {@link #changed}: drain it at once. */
  private boolean urgent;
  private int messagesSinceDrain;
  private long countsDueAt;
  /** When each watched source's current interval began to be watched. */
  private final Map<String, Long> watchedSince = new HashMap<>();
  private final Map<String, Duration> intervals = new HashMap<>();
  private BatonConfig config = BatonConfig.DEFAULT;

  /** Takes what the store holds (at start, and after a failed transaction); watch times are kept. */
  public void load(Collection<SourceState> stored) {
    sources.clear();
    changed.clear();
    urgent = false;
    messagesSinceDrain = 0;
    countsDueAt = 0;
    for (SourceState s : stored) {
      sources.put(s.name(), s);
    }
  }

  /** Follows a configuration: a source newly watched, or watched with another interval, is watched from {@code now}. */
  public void configure(BatonConfig next, long now) {
    config = next;
    Map<String, Duration> before = Map.copyOf(intervals);
    intervals.clear();
    for (SourceConfig s : next.sources()) {
      if (s.heartbeat() != null) {
        intervals.put(s.name(), s.heartbeat());
        if (!s.heartbeat().equals(before.get(s.name()))) {
          watchedSince.put(s.name(), now);
        }
      }
    }
    watchedSince.keySet().retainAll(intervals.keySet());
  }

  /** Whether the event is a heartbeat of its sender (an alert named in {@code heartbeats.alertnames}), not an alert. */
  public boolean isHeartbeat(Event e) {
    String name = e.labels().get("alertname");
    return name != null && config.heartbeats().alertnames().contains(name);
  }

  /** A message from {@code source} with {@code alerts} alerts (heartbeats not counted), stored at {@code at}. */
  public void received(String source, int alerts, long at) {
    SourceState s = state(source).received(alerts, at);
    sources.put(s.name(), s);
    changed.add(s.name());
    messagesSinceDrain++;
  }

  /**
   * A heartbeat of {@code source}.
   *
   * @return the source's state before, so that a source that was missing has its {@code no-data-for} alert resolved
   */
  public SourceState beat(String source, long at) {
    SourceState before = state(source);
    update(before.beat(at));
    return before;
  }

  /** Watched sources silent for longer than their interval at {@code now}, now marked missing (in {@code project}). */
  public List<Silence> due(long now) {
    List<Silence> silent = new ArrayList<>();
    for (SourceConfig s : config.sources()) {
      Duration interval = s.heartbeat();
      if (interval == null) {
        continue;
      }
      SourceState state = state(s.name());
      if (state.missing()) {
        continue;
      }
      long deadline = Math.max(state.lastHeartbeatAt(), watchedSince.getOrDefault(s.name(), now)) + interval.toMillis();
      if (now > deadline) {
        SourceState missing = state.missingSince(deadline, projectOf(s));
        update(missing);
        silent.add(new Silence(s, missing));
      }
    }
    return silent;
  }

  /** Sources marked missing that are no longer watched (the configuration dropped them or their heartbeat), now not missing. */
  public List<SourceState> unwatched() {
    List<SourceState> dropped = new ArrayList<>();
    for (SourceState s : List.copyOf(sources.values())) {
      if (s.missing() && !intervals.containsKey(s.name())) {
        dropped.add(s);
        update(s.found());
      }
    }
    return dropped;
  }

  /** The project of a source's {@code no-data-for} alert: its default project, else the default one. */
  public static String projectOf(SourceConfig s) {
    return s.defaultProject() == null ? BatonConfig.DEFAULT_PROJECT : s.defaultProject();
  }

  /**
   * The sources changed since the last drain, to be written in the current transaction: all of
   * them when any changed otherwise than by a message's counters, or when the counters are due
   * ({@link #COUNTS_EVERY_MILLIS} since the last drain, or {@link #COUNTS_EVERY_MESSAGES}
   * messages); else none yet.
   */
  public List<SourceState> drainChanged(long now) {
    if (changed.isEmpty() || !urgent && now < countsDueAt && messagesSinceDrain < COUNTS_EVERY_MESSAGES) {
      return List.of();
    }
    List<SourceState> out = new ArrayList<>(changed.size());
    for (String name : changed) {
      out.add(sources.get(name));
    }
    changed.clear();
    urgent = false;
    messagesSinceDrain = 0;
    countsDueAt = now + COUNTS_EVERY_MILLIS;
    return out;
  }

  /** Every source heard of, by name. */
  public Collection<SourceState> all() {
    return sources.values();
  }

  public SourceState state(String source) {
    SourceState s = sources.get(source);
    return s == null ? SourceState.unseen(source) : s;
  }

  private void update(SourceState s) {
    sources.put(s.name(), s);
    changed.add(s.name());
    urgent = true;
  }
}
