package dev.baton.server.alert;

import dev.baton.server.ingest.Event;
import dev.baton.server.policy.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * The alert state machine over the in-memory hot state. Runs only on the writer thread.
 *
 * <ul>
 *   <li>firing with endsAt in the future, or no endsAt: {@code firing}; it turns {@code unknown}
 *       when endsAt (or {@value #MISSED_REFRESHES} missed refresh intervals) passes without a
 *       resolve. An alert with neither endsAt nor refresh interval stays firing until resolved.</li>
 *   <li>resolved, or firing with endsAt at or before the time received: {@code ok}.</li>
 *   <li>with a pending delay: {@code pending} first, {@code firing} once the delay passed since the
 *       period started, unless resolved meanwhile (then counted, and nothing opens).</li>
 *   <li>instant events have no state; each one belongs in an incident.</li>
 * </ul>
 */
public final class AlertTracker {

  /** Refresh intervals a lasting alert may miss before it is {@code unknown}. */
  public static final int MISSED_REFRESHES = 3;
  /** Why a firing period ended when its source's heartbeat went missing. */
  public static final String SOURCE_SILENT = "source_silent";

  /** Finds an alert that is not in memory (evicted or never loaded); null when it does not exist. */
  public interface Loader {
    Alert load(AlertKey key);
  }

  private final Map<AlertKey, Alert> alerts = new HashMap<>();
  private final Loader loader;
  private final long retainIdleMillis;
  /** True while every stored alert is in memory: then an alert not found is new, with no lookup. */
  private boolean complete;
  private long nextAlertId;
  /** Keys evicted before {@link #warm}: the warm-up's snapshot of them may be older than what was evicted. */
  private Set<AlertKey> evictedWhileCold;

  /**
   * @param loader       store lookup for alerts not held in memory
   * @param retainIdle   how long ok and instant alerts stay in memory after they were last seen
   * @param nextAlertId  first free alert id
   * @param hot          alerts loaded from the store at start
   * @param complete     {@code hot} holds every stored alert
   */
  public AlertTracker(Loader loader, Duration retainIdle, long nextAlertId, Collection<Alert> hot,
      boolean complete) {
    this.loader = loader;
    this.complete = complete;
    this.retainIdleMillis = retainIdle.toMillis();
    this.nextAlertId = nextAlertId;
    for (Alert a : hot) {
      alerts.put(a.key(), a);
    }
  }

  /**
   * A tracker that starts with no alert in memory and looks every unknown one up until {@link
   * #warm} brings in the active alerts, so the writer can work while they load.
   */
  public static AlertTracker cold(Loader loader, Duration retainIdle, long nextAlertId) {
    AlertTracker t = new AlertTracker(loader, retainIdle, nextAlertId, List.of(), false);
    t.evictedWhileCold = new HashSet<>();
    return t;
  }

  /**
   * Brings in the active alerts loaded (in one snapshot) while the writer already worked. An alert
   * the writer touched meanwhile is in memory and newer, so it is kept; one evicted meanwhile is
   * left out.
   *
   * @param everyStoredAlert the snapshot held every stored alert: from now on an alert not in
   *     memory is new, with no lookup
   */
  public void warm(Collection<Alert> loaded, boolean everyStoredAlert) {
    for (Alert a : loaded) {
      if (!evictedWhileCold.contains(a.key())) {
        alerts.putIfAbsent(a.key(), a);
      }
    }
    complete = everyStoredAlert && evictedWhileCold.isEmpty();
    evictedWhileCold = null;
  }

  /** Whether {@link #warm} is still to come. */
  public boolean cold() {
    return evictedWhileCold != null;
  }

  /** Alerts held in memory. */
  public Collection<Alert> hot() {
    return alerts.values();
  }

  /**
   * Applies one event.
   *
   * @param incidentOpen  whether an incident id is open (an alert rejoining it skips pending)
   * @param pendingDelays pending delay by severity (zero for none), applied to the alert's worst severity
   */
  public AlertChange observe(AlertKey key, Event event, Severity severity, String groupingKey, long labelsHash,
      long annotationsHash, long now, Function<Severity, Duration> pendingDelays, LongPredicate incidentOpen) {
    Alert a = alerts.get(key);
    if (a == null && !complete) {
      a = loader.load(key);
      if (a != null) {
        alerts.put(key, a);
      }
    }
    boolean created = a == null;
    if (created) {
      a = new Alert(nextAlertId++, key, event.kind(), now, null, severity, now, 0, 0, 0, 0, 0, 0, 0,
          groupingKey, event.labels().get("alertname"), labelsHash, annotationsHash);
      alerts.put(key, a);
    }
    AlertState before = a.state();
    Severity severityBefore = created ? null : a.severity();
    boolean labelsChanged = created || a.labelsHash() != labelsHash;
    boolean annotationsChanged = created || a.annotationsHash() != annotationsHash;
    a.labelsHash(labelsHash);
    a.annotationsHash(annotationsHash);
    a.groupingKey(groupingKey);
    a.trigger(event.labels().get("alertname"));
    a.severity(Severity.worst(a.severity(), severity));
    a.lastSeen(Math.max(a.lastSeen(), now));

    if (event.kind() == Event.Kind.INSTANT) {
      a.fired();
      return new AlertChange(a, created, before, severityBefore, labelsChanged, annotationsChanged, false, 0, 0, null,
          false, true);
    }
    long endsAt = event.endsAt() == null ? 0 : event.endsAt().toEpochMilli();
    boolean resolves = event.status() == Event.Status.RESOLVED
        || (event.status() == Event.Status.FIRING && endsAt != 0 && endsAt <= now);
    if (event.status() == Event.Status.ACKNOWLEDGED) {
      return new AlertChange(a, created, before, severityBefore, labelsChanged, annotationsChanged, false, 0, 0, null,
          false, false);
    }
    if (resolves) {
      return resolve(a, created, before, severityBefore, labelsChanged, annotationsChanged,
          endsAt != 0 && endsAt <= now ? endsAt : now);
    }
    long refresh = event.refreshInterval() == null ? 0 : event.refreshInterval().toMillis();
    a.refreshMillis(refresh);
    a.expiresAt(endsAt != 0 ? endsAt : refresh > 0 ? now + refresh * MISSED_REFRESHES : 0);
    if (before == AlertState.FIRING) {
      return new AlertChange(a, created, before, severityBefore, labelsChanged, annotationsChanged, false, 0, 0, null,
          false, true);
    }
    boolean openedPeriod = false;
    if (before != AlertState.PENDING) {
      long start = event.startsAt() != null && event.startsAt().toEpochMilli() <= now
          && event.startsAt().toEpochMilli() > 0 ? event.startsAt().toEpochMilli() : now;
      openedPeriod = true;
      a.periodStart(start);
      a.fired();
      long delay = pendingDelays.apply(a.severity()).toMillis();
      if (delay > 0 && !incidentOpen.test(a.incidentId())) {
        a.pendingUntil(start + delay);
        a.state(AlertState.PENDING);
      } else {
        a.state(AlertState.FIRING);
      }
    }
    if (before == AlertState.PENDING) {
      // a more severe value may have a shorter delay
      a.pendingUntil(Math.min(a.pendingUntil(), a.periodStart() + pendingDelays.apply(a.severity()).toMillis()));
    }
    if (a.state() == AlertState.PENDING && a.pendingUntil() <= now) {
      a.state(AlertState.FIRING);
      a.pendingUntil(0);
    }
    return new AlertChange(a, created, before, severityBefore, labelsChanged, annotationsChanged, openedPeriod, 0, 0,
        null, false, a.state() == AlertState.FIRING);
  }

  /**
   * Applies an acknowledge or resolve that names an existing alert only (a PagerDuty event that
   * carries nothing but the dedup key): the alert keeps its labels, annotations, trigger and
   * severity. An acknowledgement changes no state; a resolve makes the alert {@code ok}.
   *
   * @return the change, or null when no alert has this key
   */
  public AlertChange acknowledgeOrResolve(AlertKey key, Event.Status status, long now) {
    Alert a = alerts.get(key);
    if (a == null) {
      a = loader.load(key);
      if (a == null) {
        return null;
      }
      alerts.put(key, a);
    }
    AlertState before = a.state();
    a.lastSeen(Math.max(a.lastSeen(), now));
    if (status == Event.Status.RESOLVED && a.kind() == Event.Kind.LASTING) {
      return resolve(a, false, before, a.severity(), false, false, now);
    }
    return new AlertChange(a, false, before, a.severity(), false, false, false, 0, 0, null, false, false);
  }

  /**
   * The source of a firing or pending alert went silent (its heartbeat is missing): the alert turns
   * {@code unknown} and its firing period ends now, unless somebody refreshed it after
   * {@code lastHeard}, the source's last message (another replica still sends it).
   *
   * @return the change, or null when the alert is not firing or pending, or was refreshed since
   */
  public AlertChange silence(AlertKey key, long lastHeard, long now) {
    Alert a = alerts.get(key);
    if (a == null && !complete) {
      a = loader.load(key);
      if (a != null) {
        alerts.put(key, a);
      }
    }
    if (a == null || (a.state() != AlertState.FIRING && a.state() != AlertState.PENDING) || a.lastSeen() > lastHeard) {
      return null;
    }
    AlertState before = a.state();
    long start = a.periodStart();
    a.periodStart(0);
    a.state(AlertState.UNKNOWN);
    a.expiresAt(0);
    a.pendingUntil(0);
    return new AlertChange(a, false, before, a.severity(), false, false, false, start, Math.max(now, start),
        start == 0 ? null : SOURCE_SILENT, false, false);
  }

  private AlertChange resolve(Alert a, boolean created, AlertState before, Severity severityBefore,
      boolean labelsChanged, boolean annotationsChanged, long endedAt) {
    if (before == AlertState.OK) {
      return new AlertChange(a, created, before, severityBefore, labelsChanged, annotationsChanged, false, 0, 0, null,
          false, false);
    }
    boolean wasPending = before == AlertState.PENDING;
    if (wasPending) {
      a.countResolvedWhilePending();
    }
    long start = a.periodStart();
    long end = Math.max(endedAt, start);
    a.periodStart(0);
    a.state(AlertState.OK);
    a.expiresAt(0);
    a.pendingUntil(0);
    return new AlertChange(a, created, before, severityBefore, labelsChanged, annotationsChanged, false, start, end,
        start == 0 ? null : "resolved", wasPending, false);
  }

  /**
   * Applies time-based transitions at {@code now}: expired firing alerts turn unknown, pending
   * alerts whose delay passed turn firing; idle ok and instant alerts leave memory.
   */
  public List<AlertChange> tick(long now) {
    List<AlertChange> changes = new ArrayList<>();
    for (Iterator<Alert> it = alerts.values().iterator(); it.hasNext(); ) {
      Alert a = it.next();
      AlertState state = a.state();
      if (state == AlertState.FIRING || state == AlertState.PENDING) {
        if (a.expiresAt() != 0 && a.expiresAt() <= now) {
          long start = a.periodStart();
          long end = Math.max(a.expiresAt(), start);
          a.periodStart(0);
          a.state(AlertState.UNKNOWN);
          a.pendingUntil(0);
          changes.add(new AlertChange(a, false, state, a.severity(), false, false, false, start, end,
              start == 0 ? null : "expired", false, false));
        } else if (state == AlertState.PENDING && a.pendingUntil() <= now) {
          a.state(AlertState.FIRING);
          a.pendingUntil(0);
          changes.add(new AlertChange(a, false, state, a.severity(), false, false, false, 0, 0, null, false, true));
        }
      } else if ((state == null || state == AlertState.OK) && a.lastSeen() + retainIdleMillis < now) {
        it.remove();
        complete = false;
        if (evictedWhileCold != null) {
          evictedWhileCold.add(a.key());
        }
      }
    }
    return changes;
  }
}
