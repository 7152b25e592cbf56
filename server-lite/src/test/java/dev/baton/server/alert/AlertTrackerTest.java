package dev.baton.server.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.ingest.Event;
import dev.baton.server.policy.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class AlertTrackerTest {

  private static final long T0 = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
  private static final Map<String, String> LABELS = Map.of("alertname", "DiskFull", "instance", "db1");

  private final AlertTracker tracker = new AlertTracker(key -> null, Duration.ofHours(1), 1, List.of(), true);
  private final AlertIdentity identity = new AlertIdentity(Set.of("prometheus_replica", "replica"));

  static Event firing(Map<String, String> labels, long startsAt, long endsAt) {
    return new Event(labels, Map.of(), Event.Kind.LASTING, Event.Status.FIRING,
        Instant.ofEpochMilli(startsAt), endsAt == 0 ? null : Instant.ofEpochMilli(endsAt), null, null, null);
  }

  static Event resolved(Map<String, String> labels, long endsAt) {
    return new Event(labels, Map.of(), Event.Kind.LASTING, Event.Status.RESOLVED, null,
        Instant.ofEpochMilli(endsAt), null, null, null);
  }

  private AlertChange observe(Event e, long now) {
    return observe(e, now, Duration.ZERO);
  }

  private AlertChange observe(Event e, long now, Duration pending) {
    AlertKey key = identity.keyOf(e, "p");
    return tracker.observe(key, e, Severity.of(4), "g", Fingerprint.of((SortedMap<String, String>) e.labels()), 0,
        now, s -> pending, id -> false);
  }

  @Test
  void prometheusRefreshKeepsOneFiringPeriodAndExpiryMeansUnknownNotOk() {
    // Prometheus sends endsAt = now + 4 x resend interval and refreshes before it passes
    AlertChange first = observe(firing(LABELS, T0, T0 + 240_000), T0);
    assertTrue(first.created());
    assertEquals(AlertState.FIRING, first.alert().state());
    assertTrue(first.needsIncident());
    assertTrue(first.openedPeriod());
    assertEquals(T0, first.alert().periodStart());
    AlertChange refresh = observe(firing(LABELS, T0, T0 + 300_000), T0 + 60_000);
    assertSame(first.alert(), refresh.alert());
    assertFalse(refresh.stateChanged());
    assertFalse(refresh.openedPeriod(), "a refresh does not open a new period");
    assertTrue(tracker.tick(T0 + 299_999).isEmpty(), "not expired yet");

    List<AlertChange> expired = tracker.tick(T0 + 300_000);
    assertEquals(1, expired.size());
    assertEquals(AlertState.UNKNOWN, expired.get(0).alert().state(), "silence is not health");
    assertEquals(T0, expired.get(0).closedPeriodStart());
    assertEquals(0, expired.get(0).alert().periodStart());
    assertEquals("expired", expired.get(0).closedReason());
    assertEquals(T0 + 300_000, expired.get(0).closedPeriodEnd());
  }

  @Test
  void explicitResolveMakesOkAndClosesThePeriod() {
    AlertChange first = observe(firing(LABELS, T0, T0 + 240_000), T0);
    AlertChange resolve = observe(resolved(LABELS, T0 + 30_000), T0 + 31_000);
    assertEquals(AlertState.OK, resolve.alert().state());
    assertEquals(AlertState.FIRING, resolve.before());
    assertEquals(T0, resolve.closedPeriodStart());
    assertEquals("resolved", resolve.closedReason());
    assertEquals(T0 + 30_000, resolve.closedPeriodEnd());
    assertTrue(tracker.tick(T0 + 10_000_000).isEmpty(), "an ok alert does not expire into unknown");
  }

  @Test
  void firingWithEndsAtInThePastIsAResolve() {
    observe(firing(LABELS, T0, T0 + 240_000), T0);
    // Prometheus's resolved notification: status is not sent, endsAt <= time received
    AlertChange c = observe(firing(LABELS, T0, T0 + 50_000), T0 + 51_000);
    assertEquals(AlertState.OK, c.alert().state());
  }

  @Test
  void flappingKeepsOneAlertWithManyPeriods() {
    long t = T0;
    AlertChange first = observe(firing(LABELS, t, t + 240_000), t);
    long previousStart = first.alert().periodStart();
    for (int i = 1; i <= 5; i++) {
      t += 30_000;
      observe(resolved(LABELS, t), t);
      t += 30_000;
      AlertChange again = observe(firing(LABELS, t, t + 240_000), t);
      assertSame(first.alert(), again.alert());
      assertEquals(AlertState.FIRING, again.alert().state());
      assertTrue(again.openedPeriod());
      assertNotEquals(previousStart, again.alert().periodStart());
      assertTrue(again.needsIncident());
      previousStart = again.alert().periodStart();
    }
    assertEquals(6, first.alert().fireCount());
  }

  @Test
  void replicasAndSeverityChangesDoNotSplitAnAlertAndTheWorstSeverityIsKept() {
    Map<String, String> replicaA = Map.of("alertname", "X", "prometheus_replica", "a", "severity", "warning");
    Map<String, String> replicaB = Map.of("alertname", "X", "prometheus_replica", "b", "severity", "critical");
    Event a = firing(replicaA, T0, T0 + 240_000);
    Event b = firing(replicaB, T0, T0 + 240_000);
    assertEquals(identity.keyOf(a, "p"), identity.keyOf(b, "p"));
    AlertChange ca = tracker.observe(identity.keyOf(a, "p"), a, Severity.of(4), "g", 1, 0, T0, s -> Duration.ZERO, id -> false);
    AlertChange cb = tracker.observe(identity.keyOf(b, "p"), b, Severity.of(2), "g", 2, 0, T0 + 1, s -> Duration.ZERO, id -> false);
    assertSame(ca.alert(), cb.alert());
    assertTrue(cb.severityRaised());
    assertTrue(cb.labelsChanged());
    AlertChange back = tracker.observe(identity.keyOf(a, "p"), a, Severity.of(4), "g", 1, 0, T0 + 2, s -> Duration.ZERO,
        id -> false);
    assertEquals(Severity.of(2), back.alert().severity(), "the most severe value seen stays");
    assertNotEquals(identity.keyOf(a, "p"), identity.keyOf(a, "other-project"));
  }

  @Test
  void dedupKeyIsTheIdentity() {
    Event one = new Event(Map.of("alertname", "A"), Map.of(), Event.Kind.LASTING, Event.Status.FIRING, null, null, null,
        "disk-db1", null);
    Event two = new Event(Map.of("alertname", "B"), Map.of(), Event.Kind.LASTING, Event.Status.RESOLVED, null, null,
        null, "disk-db1", null);
    assertEquals(identity.keyOf(one, "p"), identity.keyOf(two, "p"));
    AlertChange c1 = observe(one, T0);
    AlertChange c2 = observe(two, T0 + 1000);
    assertSame(c1.alert(), c2.alert());
    assertEquals(AlertState.OK, c2.alert().state());
  }

  @Test
  void lastingEventWithoutEndsAtOrRefreshStaysFiringUntilResolved() {
    observe(firing(LABELS, T0, 0), T0);
    assertTrue(tracker.tick(T0 + Duration.ofDays(30).toMillis()).isEmpty());
  }

  @Test
  void refreshIntervalExpiresAfterMissedRefreshes() {
    Event e = new Event(LABELS, Map.of(), Event.Kind.LASTING, Event.Status.FIRING, null, null, Duration.ofSeconds(60),
        null, null);
    observe(e, T0);
    assertTrue(tracker.tick(T0 + 60_000 * AlertTracker.MISSED_REFRESHES - 1).isEmpty());
    List<AlertChange> expired = tracker.tick(T0 + 60_000 * AlertTracker.MISSED_REFRESHES);
    assertEquals(AlertState.UNKNOWN, expired.get(0).alert().state());
    AlertChange back = observe(e, T0 + 200_000);
    assertEquals(AlertState.UNKNOWN, back.before());
    assertEquals(AlertState.FIRING, back.alert().state());
    assertTrue(back.openedPeriod(), "firing again after unknown is a new period");
  }

  @Test
  void pendingOpensNothingUntilTheDelayPassesAndResolvedWhilePendingIsCounted() {
    AlertChange c = observe(firing(LABELS, T0, T0 + 600_000), T0, Duration.ofMinutes(2));
    assertEquals(AlertState.PENDING, c.alert().state());
    assertFalse(c.needsIncident());
    assertTrue(tracker.tick(T0 + 119_999).isEmpty());
    List<AlertChange> promoted = tracker.tick(T0 + 120_000);
    assertEquals(AlertState.FIRING, promoted.get(0).alert().state());
    assertTrue(promoted.get(0).needsIncident());

    Map<String, String> other = Map.of("alertname", "Blip");
    AlertChange blip = observe(firing(other, T0, T0 + 600_000), T0, Duration.ofMinutes(2));
    AlertChange gone = observe(resolved(other, T0 + 30_000), T0 + 30_000, Duration.ofMinutes(2));
    assertEquals(AlertState.OK, gone.alert().state());
    assertTrue(gone.resolvedWhilePending());
    assertFalse(gone.needsIncident());
    assertEquals(1, blip.alert().resolvedWhilePending());
  }

  @Test
  void aMoreSevereValueWhilePendingUsesItsShorterDelay() {
    Map<String, String> warning = Map.of("alertname", "Rising", "severity", "warning");
    Map<String, String> critical = Map.of("alertname", "Rising", "severity", "critical");
    java.util.function.Function<Severity, Duration> delays =
        s -> s.level() >= 4 ? Duration.ofMinutes(10) : Duration.ofMinutes(1);
    Event w = firing(warning, T0, T0 + 3_600_000);
    Event c = firing(critical, T0, T0 + 3_600_000);
    AlertChange first = tracker.observe(identity.keyOf(w, "p"), w, Severity.of(4), "g", 1, 0, T0, delays, id -> false);
    assertEquals(AlertState.PENDING, first.alert().state());
    AlertChange worse = tracker.observe(identity.keyOf(c, "p"), c, Severity.of(2), "g", 2, 0, T0 + 30_000, delays,
        id -> false);
    assertEquals(AlertState.PENDING, worse.alert().state());
    assertEquals(T0 + 60_000, worse.alert().pendingUntil());
    AlertChange later = tracker.observe(identity.keyOf(c, "p"), c, Severity.of(2), "g", 2, 0, T0 + 61_000, delays,
        id -> false);
    assertEquals(AlertState.FIRING, later.alert().state());
    assertTrue(later.needsIncident());
  }

  @Test
  void pendingIsSkippedWhenTheAlertsIncidentIsStillOpen() {
    Event e = firing(LABELS, T0, T0 + 600_000);
    AlertKey key = identity.keyOf(e, "p");
    AlertChange first = tracker.observe(key, e, Severity.of(4), "g", 1, 0, T0, s -> Duration.ZERO, id -> false);
    first.alert().joinedIncident(7);
    tracker.observe(key, resolved(LABELS, T0 + 1000), Severity.of(4), "g", 1, 0, T0 + 1000, s -> Duration.ZERO, id -> false);
    AlertChange again = tracker.observe(key, firing(LABELS, T0 + 2000, T0 + 600_000), Severity.of(4), "g", 1, 0,
        T0 + 2000, s -> Duration.ofMinutes(5), id -> id == 7);
    assertEquals(AlertState.FIRING, again.alert().state(), "re-firing rejoins its open incident at once");
  }

  @Test
  void instantEventsHaveNoStateAndAlwaysNeedAnIncident() {
    Event e = new Event(Map.of("alertname", "BackupFailed"), Map.of(), Event.Kind.INSTANT, Event.Status.FIRING,
        null, null, null, null, null);
    AlertChange c = observe(e, T0);
    assertNull(c.alert().state());
    assertTrue(c.needsIncident());
    assertTrue(observe(e, T0 + 1000).needsIncident());
    assertTrue(tracker.tick(T0 + 100_000).isEmpty());
  }

  @Test
  void idleOkAlertsLeaveMemoryAndComeBackThroughTheLoader() {
    observe(firing(LABELS, T0, T0 + 240_000), T0);
    observe(resolved(LABELS, T0 + 1000), T0 + 1000);
    assertEquals(1, tracker.hot().size());
    tracker.tick(T0 + Duration.ofHours(2).toMillis());
    assertEquals(0, tracker.hot().size());
  }

  @Test
  void aColdTrackerLooksAlertsUpUntilWarmedAndKeepsWhatItChangedMeanwhile() {
    Map<AlertKey, Alert> stored = new java.util.HashMap<>();
    AlertTracker source = new AlertTracker(key -> null, Duration.ofHours(1), 1, List.of(), true);
    Event a = firing(LABELS, T0, T0 + 240_000);
    Event b = firing(Map.of("alertname", "DiskFull", "instance", "db2"), T0, T0 + 240_000);
    for (Event e : List.of(a, b)) {
      AlertKey key = identity.keyOf(e, "p");
      stored.put(key, source.observe(key, e, Severity.of(4), "g", 1, 0, T0, s -> Duration.ZERO, id -> false).alert());
    }
    List<AlertKey> lookedUp = new ArrayList<>();
    AlertTracker cold = AlertTracker.cold(key -> {
      lookedUp.add(key);
      Alert found = stored.get(key);
      return found == null ? null : copy(found);
    }, Duration.ofHours(1), 3);
    assertTrue(cold.cold());
    AlertKey keyA = identity.keyOf(a, "p");
    AlertChange resolvedA = cold.observe(keyA, resolved(LABELS, T0 + 60_000), Severity.of(4), "g", 1, 0, T0 + 60_000,
        s -> Duration.ZERO, id -> false);
    assertEquals(List.of(keyA), lookedUp, "a cold tracker asks the store instead of assuming the alert is new");
    assertFalse(resolvedA.created());
    assertEquals(AlertState.OK, resolvedA.alert().state());

    // the warm-up's snapshot was read before the resolve: it still says firing
    cold.warm(stored.values().stream().map(AlertTrackerTest::copy).toList(), true);
    assertFalse(cold.cold());
    assertEquals(2, cold.hot().size());
    assertSame(resolvedA.alert(), cold.hot().stream().filter(x -> x.key().equals(keyA)).findFirst().orElseThrow(),
        "the writer's newer version is kept");
    assertEquals(1, cold.tick(T0 + 300_000).size(), "the warmed alert b expires; a is ok");
    lookedUp.clear();
    AlertChange fresh = cold.observe(identity.keyOf(firing(Map.of("alertname", "New"), T0, 0), "p"),
        firing(Map.of("alertname", "New"), T0, 0), Severity.of(4), "g", 1, 0, T0 + 300_000, s -> Duration.ZERO,
        id -> false);
    assertTrue(fresh.created());
    assertEquals(List.of(), lookedUp, "once warm with every stored alert, a new key needs no lookup");
  }

  @Test
  void anAlertEvictedWhileColdIsNotBroughtBackByAStaleSnapshot() {
    Event e = firing(LABELS, T0, T0 + 240_000);
    AlertKey key = identity.keyOf(e, "p");
    AlertTracker source = new AlertTracker(k -> null, Duration.ofHours(1), 1, List.of(), true);
    Alert snapshot = copy(source.observe(key, e, Severity.of(4), "g", 1, 0, T0, s -> Duration.ZERO, id -> false)
        .alert());
    AlertTracker cold = AlertTracker.cold(k -> copy(snapshot), Duration.ofHours(1), 2);
    cold.observe(key, resolved(LABELS, T0), Severity.of(4), "g", 1, 0, T0, s -> Duration.ZERO, id -> false);
    cold.tick(T0 + Duration.ofHours(2).toMillis());
    assertEquals(0, cold.hot().size(), "idle ok alert evicted");
    cold.warm(List.of(copy(snapshot)), true);
    assertEquals(0, cold.hot().size(), "the snapshot's firing copy of an evicted alert is left out");
  }

  private static Alert copy(Alert a) {
    return new Alert(a.id(), a.key(), a.kind(), a.firstSeen(), a.state(), a.severity(), a.lastSeen(), a.expiresAt(),
        a.pendingUntil(), a.refreshMillis(), a.periodStart(), a.fireCount(), a.resolvedWhilePending(), a.incidentId(),
        a.groupingKey(), a.trigger(), a.labelsHash(), a.annotationsHash());
  }
}
