package dev.baton.server.pipeline;

import dev.baton.server.DatabaseRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.MutableClock;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigLoader;
import dev.baton.server.incident.IncidentAction;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.incident.Refusal;
import dev.baton.server.ingest.Event;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.store.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against a real SQLite file: alerts, incidents, SLA, timeline, restarts. */
class PipelineTest {

  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  static final String CONFIG = """
      projects:
        gold:
          service_level: Gold
        platinum:
          service_level: Platinum
          grouping: [alertname, cluster]
      pending:
        S4: 2m
      """;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  SqliteStore store;
  Pipeline pipeline;
  ReceiverMetrics metrics;

  void open() throws Exception {
    open(CONFIG);
  }

  void open(String config) throws Exception {
    store = SqliteStore.open(dir.resolve("baton.db"), SqliteStore.Synchronous.NORMAL);
    metrics = new ReceiverMetrics();
    pipeline = new Pipeline(store, ConfigLoader.parse(config, "test"), clock, metrics);
    pipeline.start();
  }

  void reopen() throws Exception {
    shut();
    open();
  }

  @AfterEach
  void shut() {
    if (pipeline != null) {
      pipeline.close();
      store.close();
      pipeline = null;
    }
  }

  static Event firing(Map<String, String> labels, Instant endsAt) {
    return new Event(labels, Map.of("summary", "s"), Event.Kind.LASTING, Event.Status.FIRING, T0, endsAt, null, null,
        null);
  }

  static Event resolved(Map<String, String> labels) {
    return new Event(labels, Map.of(), Event.Kind.LASTING, Event.Status.RESOLVED, T0, null, null, null, null);
  }

  void send(Event... events) throws Exception {
    pipeline.submit(new Submission(new Source("test-source", null), "test", "127.0.0.1", "application/json",
        "raw".getBytes(StandardCharsets.UTF_8), List.of(events), clock.millis())).get(30, TimeUnit.SECONDS);
  }

  List<List<Object>> query(String sql) throws Exception {
    return DatabaseRows.query(dir.resolve("baton.db"), sql);
  }

  Object one(String sql) throws Exception {
    List<List<Object>> rows = query(sql);
    assertEquals(1, rows.size(), sql + " -> " + rows);
    return rows.get(0).get(0);
  }

  Instant later(Duration d) {
    return clock.instant().plus(d);
  }

  @Test
  void cardTriggerCountsAndPeriodsSummedPerTransactionMatchTheAlerts() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    // several requests per transaction: incidents opened and joined by new alerts in the same commit
    List<java.util.concurrent.CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Event a = firing(Map.of("alertname", "Disk" + (i % 3), "instance", "db" + i), ends);
      Event b = firing(Map.of("alertname", "Disk" + (i % 3), "instance", "web" + i, "dedup_key", "k" + i), ends);
      sent.add(pipeline.submit(new Submission(new Source("test-source", null), "test", "127.0.0.1",
          "application/json", "raw".getBytes(StandardCharsets.UTF_8), List.of(a, b), clock.millis())));
    }
    for (var f : sent) {
      f.get(30, TimeUnit.SECONDS);
    }
    clock.advance(Duration.ofMinutes(1));
    send(resolved(Map.of("alertname", "Disk0", "instance", "db0")),
        firing(Map.of("alertname", "Disk1", "instance", "db99"), later(Duration.ofMinutes(4))));
    assertEquals(query("SELECT ia.incident_id, a.trigger, count(*) FROM incident_alerts ia JOIN alerts a"
            + " ON a.id = ia.alert_id GROUP BY 1, 2 ORDER BY 1, 2"),
        query("SELECT incident_id, trigger, alerts FROM incident_card_triggers ORDER BY 1, 2"));
    assertEquals(query("SELECT i.id, (SELECT count(*) FROM alerts a WHERE a.incident_id = i.id"
            + " AND a.period_start IS NOT NULL) FROM incidents i ORDER BY 1"),
        query("SELECT id, periods_in_progress FROM incidents ORDER BY 1"));
    assertEquals(3L, ((Number) one("SELECT count(*) FROM incidents")).longValue());
  }

  @Test
  void sourceCountsAreWrittenAtMostEverySecondAndStayExactThroughARestart() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    Event disk = firing(Map.of("alertname", "DiskFull", "instance", "db1"), ends);
    Event cpu = firing(Map.of("alertname", "CpuHigh", "instance", "db1"), ends);
    send(disk, cpu);
    send(disk, cpu);
    send(disk);
    // the row as written by the first commit; the totals add the messages stored since
    assertEquals(2L, ((Number) one("SELECT alerts_received FROM sources WHERE name = 'test-source'")).longValue());
    assertEquals(5L, ((Number) one("SELECT alerts_received FROM source_totals WHERE name = 'test-source'"))
        .longValue());
    clock.advance(Duration.ofSeconds(1));
    send(cpu);
    assertEquals(List.of(List.of(6L, clock.millis())), query(
        "SELECT alerts_received, last_message_at FROM sources WHERE name = 'test-source'").stream()
        .map(r -> List.of(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue())).toList());
    clock.advance(Duration.ofMillis(300));
    send(disk, cpu);
    reopen(); // the row still says 6: what the restart reads adds the last message
    clock.advance(Duration.ofMillis(10));
    send(disk);
    assertEquals(List.of(List.of(9L, clock.millis())), query(
        "SELECT alerts_received, last_message_at FROM sources WHERE name = 'test-source'").stream()
        .map(r -> List.of(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue())).toList());
  }

  @Test
  void alertsAreGroupedByProjectAndTriggerIntoIncidents() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    send(firing(Map.of("alertname", "DiskFull", "instance", "db1"), ends),
        firing(Map.of("alertname", "DiskFull", "instance", "db2"), ends),
        firing(Map.of("alertname", "CpuHigh", "instance", "db1"), ends),
        firing(Map.of("alertname", "DiskFull", "instance", "db1", "project", "gold"), ends));
    assertEquals(4L, ((Number) one("SELECT count(*) FROM alerts")).longValue());
    assertEquals(List.of(List.of("default", "DiskFull", 2, "firing"), List.of("default", "CpuHigh", 1, "firing"),
            List.of("gold", "DiskFull", 1, "firing")),
        query("SELECT project, trigger, alert_count, state FROM incidents ORDER BY id"));
    assertEquals(4L, ((Number) one("SELECT count(*) FROM incident_alerts")).longValue());
    assertEquals("{project=\"default\",alertname=\"DiskFull\"}", one("SELECT grouping_key FROM incidents WHERE id = 1"));
    assertEquals(List.of(List.of("opened"), List.of("alert_joined"), List.of("alert_joined")),
        query("SELECT kind FROM timeline WHERE incident_id = 1 ORDER BY id"));
    assertEquals(1L, ((Number) one("SELECT count(*) FROM messages")).longValue());
    assertEquals(4L, ((Number) one("SELECT count(*) FROM events WHERE message_id = 1")).longValue());
    assertEquals(List.of(List.of("alertname", "DiskFull"), List.of("instance", "db2")),
        query("SELECT name, value FROM alert_labels WHERE alert_id = 2 ORDER BY name"));
  }

  @Test
  void groupingLabelsComeFromTheProjectsConfig() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    send(firing(Map.of("alertname", "A", "cluster", "c1", "project", "platinum"), ends),
        firing(Map.of("alertname", "A", "cluster", "c2", "project", "platinum"), ends),
        firing(Map.of("alertname", "A", "cluster", "c1", "instance", "x", "project", "platinum"), ends));
    assertEquals(List.of(List.of(2), List.of(1)), query("SELECT alert_count FROM incidents ORDER BY id"));
  }

  @Test
  void slaClassAndDeadlineFollowServiceLevelAndSeverity() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    send(firing(Map.of("alertname", "Crit", "project", "gold", "severity", "critical"), ends),
        firing(Map.of("alertname", "Warn", "project", "gold", "severity", "warning", "severity_level", "5"), ends),
        firing(Map.of("alertname", "Info", "project", "gold", "severity", "info"), ends),
        firing(Map.of("alertname", "Crit", "severity", "critical"), ends));
    long t0 = T0.toEpochMilli();
    assertEquals(List.of(
            List.of("Crit", 2, "Gold", "urgent", t0 + Duration.ofMinutes(10).toMillis()),
            List.of("Warn", 5, "Gold", "async", t0 + Duration.ofHours(24).toMillis()),
            List.of("Crit", 2, "None", "async", t0 + Duration.ofHours(24).toMillis())),
        query("SELECT trigger, severity, service_level, sla_class, response_due_at FROM incidents"
            + " WHERE response_due_at IS NOT NULL ORDER BY id"));
    assertEquals(List.of(List.of("Info", 7, "retro")),
        query("SELECT trigger, severity, sla_class FROM incidents WHERE response_due_at IS NULL"));
  }

  @Test
  void aMoreSevereAlertRaisesTheIncidentAndShortensItsDeadline() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "error", "instance", "a"), ends));
    assertEquals(List.of(3, "urgent", T0.toEpochMilli() + Duration.ofMinutes(30).toMillis()),
        query("SELECT severity, sla_class, response_due_at FROM incidents").get(0));
    clock.advance(Duration.ofMinutes(1));
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "critical", "instance", "b"), ends));
    assertEquals(List.of(2, "urgent", T0.toEpochMilli() + Duration.ofMinutes(10).toMillis()),
        query("SELECT severity, sla_class, response_due_at FROM incidents").get(0));
    String detail = (String) one("SELECT detail FROM timeline WHERE kind = 'severity_raised'");
    assertTrue(detail.contains("\"from\":\"S3\"") && detail.contains("\"to\":\"S2\""), detail);
  }

  @Test
  void expiryWithoutResolveIsUnknownAndAResolveIsOk() throws Exception {
    open();
    send(firing(Map.of("alertname", "Gone", "instance", "a"), later(Duration.ofMinutes(4))),
        firing(Map.of("alertname", "Gone", "instance", "b"), later(Duration.ofMinutes(4))));
    clock.advance(Duration.ofMinutes(1));
    send(resolved(Map.of("alertname", "Gone", "instance", "b")));
    assertEquals("firing", one("SELECT state FROM incidents"));
    clock.advance(Duration.ofMinutes(3));
    pipeline.tick().get(30, TimeUnit.SECONDS);
    assertEquals(List.of(List.of("a", "unknown"), List.of("b", "ok")),
        query("SELECT json_extract(labels, '$.instance'), state FROM alerts ORDER BY id"));
    assertEquals("unknown", one("SELECT state FROM incidents"), "an ok and an unknown alert: unknown");
    assertEquals(List.of(List.of("expired", T0.plus(Duration.ofMinutes(4)).toEpochMilli()),
            List.of("resolved", T0.plus(Duration.ofMinutes(1)).toEpochMilli())),
        query("SELECT ended_by, ended_at FROM firing_periods ORDER BY alert_id"));
    String detail = (String) one("SELECT detail FROM timeline WHERE kind = 'alert_state' AND actor = 'baton'");
    assertTrue(detail.contains("\"from\":\"firing\"") && detail.contains("\"to\":\"unknown\""), detail);
    assertEquals(1, metrics.alertsByState.get("unknown"));
    assertEquals(1, metrics.alertsByState.get("ok"));
  }

  @Test
  void aClosedIncidentIsNeverReopenedButLinkedAsHistory() throws Exception {
    open();
    Map<String, String> labels = Map.of("alertname", "Flap", "instance", "a");
    send(firing(labels, later(Duration.ofMinutes(4))));
    send(resolved(labels));
    pipeline.closeIncident(1, "alice", "fixed the disk").get(30, TimeUnit.SECONDS);
    assertEquals(List.of("closed", T0.toEpochMilli()), query("SELECT status, closed_at FROM incidents").get(0));
    clock.advance(Duration.ofMinutes(10));
    send(firing(labels, later(Duration.ofMinutes(4))));
    assertEquals(List.of(Arrays.asList(1, "closed", null), List.of(2, "open", 1)),
        query("SELECT id, status, previous_id FROM incidents ORDER BY id"));
    assertEquals(2, one("SELECT incident_id FROM alerts"));
    assertEquals(1L, ((Number) one("SELECT count(*) FROM alerts")).longValue(), "still one alert");
    assertEquals(1L, ((Number) one("SELECT count(*) FROM firing_periods")).longValue(), "one ended period");
    assertEquals(List.of(T0.toEpochMilli()), query("SELECT period_start FROM alerts WHERE period_start IS NOT NULL").get(0),
        "and the one in progress on the alert");
    assertEquals("alice", one("SELECT actor FROM timeline WHERE kind = 'closed'"));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> pipeline.closeIncident(1, "alice", "again").get(30, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof Refusal, e.getCause().toString());
    assertEquals("incident 1 is closed; only describe and comment apply to a closed incident, not close",
        e.getCause().getMessage());
    assertEquals(0, metrics.commitFailures.get(), "a refused close is no store failure");
  }

  @Test
  void aReFiringAlertRejoinsItsOpenIncident() throws Exception {
    open();
    Map<String, String> labels = Map.of("alertname", "Flap");
    for (int i = 0; i < 3; i++) {
      send(firing(labels, later(Duration.ofMinutes(4))));
      clock.advance(Duration.ofSeconds(30));
      send(resolved(labels));
      clock.advance(Duration.ofSeconds(30));
    }
    assertEquals(1L, ((Number) one("SELECT count(*) FROM incidents")).longValue());
    assertEquals(3L, ((Number) one("SELECT count(*) FROM firing_periods WHERE ended_by = 'resolved'")).longValue());
    assertEquals(3, one("SELECT fire_count FROM alerts"));
    assertEquals("ok", one("SELECT state FROM incidents"));
  }

  @Test
  void pendingDelayOpensOnlyAlertsStillFiringAfterIt() throws Exception {
    open();
    // severity warning = S4, which the config holds pending for 2 minutes
    send(firing(Map.of("alertname", "Slow", "severity", "warning"), later(Duration.ofMinutes(10))),
        firing(Map.of("alertname", "Blip", "severity", "warning"), later(Duration.ofMinutes(10))));
    assertEquals(0L, ((Number) one("SELECT count(*) FROM incidents")).longValue());
    assertEquals(List.of(List.of("pending"), List.of("pending")), query("SELECT state FROM alerts ORDER BY id"));
    clock.advance(Duration.ofMinutes(1));
    send(resolved(Map.of("alertname", "Blip", "severity", "warning")));
    clock.advance(Duration.ofMinutes(1));
    pipeline.tick().get(30, TimeUnit.SECONDS);
    assertEquals(List.of(List.of("Slow", "firing")), query("SELECT trigger, state FROM incidents"));
    assertEquals(List.of(List.of("Slow", "firing", 0), List.of("Blip", "ok", 1)),
        query("SELECT trigger, state, resolved_while_pending FROM alerts ORDER BY id"));
    assertEquals(1, metrics.resolvedWhilePending.get());
  }

  @Test
  void instantEventsOpenAndJoinIncidentsWithoutState() throws Exception {
    open();
    Event backup = new Event(Map.of("alertname", "BackupFailed", "host", "h1"), Map.of(), Event.Kind.INSTANT,
        Event.Status.FIRING, null, null, null, null, null);
    send(backup);
    send(backup);
    assertEquals(List.of(List.of("BackupFailed", 1)), query("SELECT trigger, alert_count FROM incidents"));
    assertNull(one("SELECT state FROM alerts"));
    assertEquals(List.of(List.of("opened"), List.of("alert_joined"), List.of("alert_repeated")),
        query("SELECT kind FROM timeline ORDER BY id"));
  }

  @Test
  void replicasAndSeverityChangesAreOneAlertWithTheWorstSeverity() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    send(firing(Map.of("alertname", "Dup", "instance", "a", "prometheus_replica", "r1", "severity", "warning"), ends),
        firing(Map.of("alertname", "Dup", "instance", "a", "prometheus_replica", "r2", "severity", "critical"), ends));
    send(firing(Map.of("alertname", "Dup", "instance", "a", "replica", "x", "severity", "info"), ends));
    assertEquals(List.of(List.of(2, "firing", 1)), query("SELECT severity, state, fire_count FROM alerts"));
    assertEquals(List.of(List.of(2, 1)), query("SELECT severity, alert_count FROM incidents"));
    assertEquals(3L, ((Number) one("SELECT count(*) FROM events")).longValue());
    assertEquals("{\"alertname\":\"Dup\",\"instance\":\"a\",\"replica\":\"x\",\"severity\":\"info\"}",
        one("SELECT labels FROM alerts"), "the labels last sent are kept");
    assertEquals(List.of(List.of("replica", "x"), List.of("severity", "info")),
        query("SELECT name, value FROM alert_labels WHERE name IN ('replica', 'prometheus_replica', 'severity')"
            + " ORDER BY name"), "the label table follows the labels");
  }

  @Test
  void anAcknowledgementIsRecordedWithoutChangingState() throws Exception {
    open();
    Event trigger = new Event(Map.of("alertname", "Paged"), Map.of(), Event.Kind.LASTING, Event.Status.FIRING, null,
        null, null, "pd-1", null);
    Event ack = new Event(Map.of("alertname", "Paged"), Map.of(), Event.Kind.LASTING, Event.Status.ACKNOWLEDGED, null,
        null, null, "pd-1", null);
    send(trigger);
    send(ack);
    assertEquals("firing", one("SELECT state FROM alerts"));
    assertEquals(List.of(List.of("opened"), List.of("alert_joined"), List.of("alert_acknowledged")),
        query("SELECT kind FROM timeline ORDER BY id"));
  }

  @Test
  void hotStateSurvivesARestart() throws Exception {
    open();
    Map<String, String> labels = Map.of("alertname", "Persist", "instance", "a");
    send(firing(labels, later(Duration.ofMinutes(4))));
    send(firing(Map.of("alertname", "Other"), later(Duration.ofMinutes(4))));
    send(resolved(Map.of("alertname", "Other")));
    reopen();
    clock.advance(Duration.ofMinutes(1));
    send(firing(labels, later(Duration.ofMinutes(4))), firing(Map.of("alertname", "Persist", "instance", "b"),
        later(Duration.ofMinutes(4))));
    assertEquals(3L, ((Number) one("SELECT count(*) FROM alerts")).longValue());
    assertEquals(List.of(List.of("Persist", 2), List.of("Other", 1)),
        query("SELECT trigger, alert_count FROM incidents ORDER BY id"));
    send(resolved(Map.of("alertname", "Persist", "instance", "b")));
    assertEquals("firing", one("SELECT state FROM incidents WHERE trigger = 'Persist'"),
        "alert a, firing before the restart, still counts in its incident");
    clock.advance(Duration.ofMinutes(10));
    pipeline.tick().get(30, TimeUnit.SECONDS);
    assertEquals(1L, ((Number) one("SELECT count(*) FROM alerts WHERE state = 'unknown'")).longValue());
    assertEquals("unknown", one("SELECT state FROM incidents WHERE trigger = 'Persist'"));
    assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5)), query("SELECT id FROM messages ORDER BY id"),
        "message ids continue after the restart");
  }

  /**
   * A join that changes only the incident's state, count, version and time writes just those
   * columns; everything else must still reach the row when it changes (take, severity), and both
   * kinds of write must leave the row as the writer holds it, across a restart too.
   */
  @Test
  void anIncidentsRowFollowsItThroughLeanAndFullWrites() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    String row = "SELECT alert_count, state, severity, sla_class, response_due_at, assignee, status, version"
        + " FROM incidents";
    long t0 = T0.toEpochMilli();
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "error", "instance", "a"), ends));
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "error", "instance", "b"), ends));
    List<Object> joined = query(row).get(0);
    assertEquals(List.of(2, "firing", 3, "urgent", t0 + Duration.ofMinutes(30).toMillis()), joined.subList(0, 5));
    assertNull(joined.get(5));
    pipeline.act(new IncidentAction(1, "alice", null, new IncidentCommand.Take())).get(30, TimeUnit.SECONDS);
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "error", "instance", "c"), ends));
    List<Object> taken = query(row).get(0);
    assertEquals(List.of(3, "firing", 3, "urgent", t0 + Duration.ofMinutes(30).toMillis(), "alice", "taken"),
        taken.subList(0, 7), "the take is kept when a later join writes only its own columns");
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "critical", "instance", "d"), ends));
    List<Object> raised = query(row).get(0);
    assertEquals(List.of(4, "firing", 2, "urgent", t0 + Duration.ofMinutes(10).toMillis(), "alice", "taken"),
        raised.subList(0, 7), "a raised severity is written in full");
    reopen();
    send(firing(Map.of("alertname", "Disk", "project", "gold", "severity", "error", "instance", "e"), ends));
    List<Object> restarted = query(row).get(0);
    assertEquals(List.of(5, "firing", 2, "urgent", t0 + Duration.ofMinutes(10).toMillis(), "alice", "taken"),
        restarted.subList(0, 7), "after a restart the first join writes in full what it loaded");
    long[] versions = {version(joined), version(taken), version(raised), version(restarted)};
    for (int i = 1; i < versions.length; i++) {
      assertTrue(versions[i] > versions[i - 1], "every write moves the version on: " + Arrays.toString(versions));
    }
  }

  private static long version(List<Object> incidentRow) {
    return ((Number) incidentRow.get(7)).longValue();
  }

  @Test
  void anUnchangedReSendStoresItsTimesAndALaterChangeStoresEverything() throws Exception {
    open();
    Map<String, String> labels = Map.of("alertname", "Resent", "instance", "a");
    send(firing(labels, later(Duration.ofMinutes(4))));
    clock.advance(Duration.ofMinutes(1));
    Instant secondEnd = later(Duration.ofMinutes(4));
    send(firing(labels, secondEnd));
    assertEquals(List.of(List.of(clock.millis(), secondEnd.toEpochMilli(), "firing", 1)),
        query("SELECT last_seen, expires_at, state, fire_count FROM alerts"), "the re-send's times are stored");
    assertEquals(2L, ((Number) one("SELECT count(*) FROM events")).longValue(), "one event per send");
    assertEquals(1L, ((Number) one("SELECT count(*) FROM timeline WHERE kind LIKE 'alert_%'")).longValue(),
        "only the join is on the timeline: a re-send changes nothing there");
    reopen();
    clock.advance(Duration.ofMinutes(4).minusSeconds(1));
    pipeline.tick().get(30, TimeUnit.SECONDS);
    assertEquals("firing", one("SELECT state FROM alerts"), "after a restart the re-sent endsAt still holds");
    int severityBefore = ((Number) one("SELECT severity FROM alerts")).intValue();
    send(firing(labels, later(Duration.ofMinutes(4))),
        new Event(Map.of("alertname", "Resent", "instance", "a", "severity", "critical"), Map.of("summary", "s"),
            Event.Kind.LASTING, Event.Status.FIRING, T0, later(Duration.ofMinutes(4)), null, null, null));
    int severityAfterReSends = ((Number) one("SELECT severity FROM alerts")).intValue();
    assertTrue(severityAfterReSends < severityBefore, "critical raises the severity (S1 is the most severe)");
    send(resolved(labels));
    clock.advance(Duration.ofSeconds(1));
    send(firing(labels, later(Duration.ofMinutes(4))));
    reopen();
    assertEquals(List.of(List.of("firing", 2, severityAfterReSends)), query("SELECT state, fire_count, severity FROM alerts"),
        "a change after re-sends is stored in full");
  }

  @Test
  void untouchedAlertsLoadedAfterARestartStillExpire() throws Exception {
    open();
    for (int i = 0; i < 50; i++) {
      send(firing(Map.of("alertname", "Quiet", "instance", "i" + i), later(Duration.ofMinutes(4))));
    }
    reopen();
    clock.advance(Duration.ofMinutes(10));
    // the active alerts load beside the writer: ticks bring them to unknown once they are in
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long unknown = 0;
    while (unknown < 50 && System.nanoTime() < deadline) {
      pipeline.tick().get(30, TimeUnit.SECONDS);
      unknown = ((Number) one("SELECT count(*) FROM alerts WHERE state = 'unknown'")).longValue();
      Thread.sleep(unknown < 50 ? 50 : 0);
    }
    assertEquals(50L, unknown, "every alert nobody re-sent after the restart expired");
    assertEquals(1L, ((Number) one("SELECT count(*) FROM incidents")).longValue());
    assertEquals("unknown", one("SELECT state FROM incidents"));
    assertEquals(50L, ((Number) one("SELECT count(*) FROM timeline WHERE kind = 'alert_state'")).longValue(),
        "each expiry is on the timeline once");
  }

  @Test
  void closingWaitsForTheReadOfTheActiveAlertsSoNothingOpensTheFileAfter() throws Exception {
    open();
    List<Event> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(firing(Map.of("alertname", "Many", "instance", "i" + i), later(Duration.ofMinutes(4))));
    }
    send(many.toArray(Event[]::new));
    List<Thread> before = warmUps();
    reopen();
    // ready: the writer has loaded the incidents and started reading the active alerts beside it
    assertTrue(pipeline.awaitReady(Duration.ofSeconds(30)));
    shut();
    List<Thread> after = warmUps();
    after.removeAll(before);
    // Left running, the read opened the file after close: a test's folder could not be deleted then.
    assertEquals(List.of(), after, "a read of the active alerts still under way after close");
  }

  /** The reads of the active alerts running now. */
  private static List<Thread> warmUps() {
    return new ArrayList<>(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("baton-warm-up") && t.isAlive()).toList());
  }

  @Test
  void anIncidentsInactiveMembersKeepTheirMeaningAcrossARestart() throws Exception {
    open();
    send(firing(Map.of("alertname", "Healed"), later(Duration.ofMinutes(4))));
    send(resolved(Map.of("alertname", "Healed")));
    Event backup = new Event(Map.of("alertname", "BackupFailed"), Map.of(), Event.Kind.INSTANT, Event.Status.FIRING,
        T0, null, null, null, null);
    send(backup);
    assertEquals(List.of(List.of("Healed", "ok"), Arrays.asList("BackupFailed", null)),
        query("SELECT trigger, state FROM incidents ORDER BY id"));
    reopen();
    Event healedOnce = new Event(Map.of("alertname", "Healed", "note", "manual"), Map.of(), Event.Kind.INSTANT,
        Event.Status.FIRING, T0, null, null, null, null);
    Event anotherBackup = new Event(Map.of("alertname", "BackupFailed", "host", "h2"), Map.of(), Event.Kind.INSTANT,
        Event.Status.FIRING, T0, null, null, null, null);
    send(healedOnce, anotherBackup);
    assertEquals(List.of(List.of("Healed", "ok", 2), Arrays.asList("BackupFailed", null, 2)),
        query("SELECT trigger, state, alert_count FROM incidents ORDER BY id"),
        "an ok member still counts as ok, an instant one as stateless, after the restart");
    send(firing(Map.of("alertname", "Healed"), later(Duration.ofMinutes(4))));
    assertEquals("firing", one("SELECT state FROM incidents WHERE trigger = 'Healed'"));
    send(resolved(Map.of("alertname", "Healed")));
    assertEquals("ok", one("SELECT state FROM incidents WHERE trigger = 'Healed'"));
  }

  @Test
  void anAlertRelabeledInTheRequestThatCreatedItKeepsOnlyItsLastLabelRows() throws Exception {
    open();
    Instant ends = later(Duration.ofMinutes(4));
    // replica does not identify: the second event is the same alert with other labels, in the same transaction
    send(firing(Map.of("alertname", "Relabeled", "instance", "x", "replica", "a"), ends),
        firing(Map.of("alertname", "Relabeled", "instance", "x", "replica", "b"), ends));
    assertEquals(1L, ((Number) one("SELECT count(*) FROM alerts")).longValue());
    assertEquals("{\"alertname\":\"Relabeled\",\"instance\":\"x\",\"replica\":\"b\"}", one("SELECT labels FROM alerts"));
    assertEquals(List.of(List.of("alertname", "Relabeled"), List.of("instance", "x"), List.of("replica", "b")),
        query("SELECT name, value FROM alert_labels ORDER BY name"));
    assertEquals(List.of(List.of("alertname", "Relabeled", 1), List.of("instance", "x", 1), List.of("replica", "b", 1)),
        query("SELECT name, value, alerts FROM incident_card_labels ORDER BY name"));
    assertEquals(2L, ((Number) one("SELECT count(*) FROM events")).longValue());
  }

  @Test
  void aLabelRuleSeesTheMembersAnIncidentGotEarlierInTheSameRequest() throws Exception {
    open(CONFIG + """
        triage:
          - {name: quiet-db, mql: '~team = db', action: close_if_ok_before_taken}
        """);
    // each incident opens, gets its alert and sees it resolved in one transaction: the rule reads the
    // incident's labels from its members before the commit
    send(firing(Map.of("alertname", "Blip", "team", "db"), later(Duration.ofMinutes(4))),
        resolved(Map.of("alertname", "Blip", "team", "db")),
        firing(Map.of("alertname", "Other", "team", "web"), later(Duration.ofMinutes(4))),
        resolved(Map.of("alertname", "Other", "team", "web")));
    assertEquals(List.of(List.of("Blip", "closed"), List.of("Other", "open")),
        query("SELECT trigger, status FROM incidents ORDER BY id"));
    assertEquals(List.of(List.of("opened"), List.of("alert_joined"), List.of("alert_state"), List.of("triaged"),
            List.of("closed")),
        query("SELECT kind FROM timeline WHERE incident_id = (SELECT id FROM incidents WHERE trigger = 'Blip')"
            + " ORDER BY id"));
  }
}
