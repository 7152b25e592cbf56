package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.server.DatabaseRows;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V9 on a database written before the card aggregates: every incident's aggregates computed from its alerts. */
class CardAggregatesMigrationTest {

  @Test
  void existingIncidentsGetTheAggregatesOfTheirAlerts(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("baton.db");
    // incident 1 (closed) had alerts 10 and 11; alert 10 fired again later and is in incident 2 now
    OlderDatabase.write(db, 8,
        "INSERT INTO incidents (id, project, grouping_key, trigger, status, severity, service_level,"
            + " sla_class, opened_at, closed_at, alert_count) VALUES"
            + " (1, 'a', 'k', 'Disk', 'closed', 1, 'Gold', 'urgent', 1000, 5000, 2),"
            + " (2, 'a', 'k', 'Disk', 'open', 1, 'Gold', 'urgent', 8000, NULL, 1)",
        "INSERT INTO alerts (id, project, fingerprint, am_fingerprint, kind, state, severity, trigger,"
            + " labels, annotations, labels_hash, annotations_hash, grouping_key, first_seen, last_seen, period_start,"
            + " incident_id) VALUES"
            + " (10, 'a', '10', '10', 'lasting', 'firing', 1, 'Disk', '{}', '{}', 0, 0, 'k', 1000, 9000, 8000, 2),"
            + " (11, 'a', '11', '11', 'lasting', 'ok', 1, 'DiskSlow', '{}', '{}', 0, 0, 'k', 1000, 4000, NULL, 1)",
        "INSERT INTO alert_labels (name, value, alert_id) VALUES ('instance', 'db1', 10), ('team', 'ops', 10),"
            + " ('instance', 'db2', 11), ('team', 'ops', 11)",
        "INSERT INTO incident_alerts (incident_id, alert_id, joined_at) VALUES (1, 10, 1000), (1, 11, 1000),"
            + " (2, 10, 8000)",
        "INSERT INTO firing_periods (alert_id, started_at, ended_at, ended_by) VALUES"
            + " (10, 1000, 3000, 'resolved'), (11, 1500, 4000, 'resolved'), (10, 500, 900, 'resolved')");
    SqliteStore.open(db, SqliteStore.Synchronous.NORMAL).close();
    assertEquals(List.of(
            List.of(1L, "instance", "db1", 1L), List.of(1L, "instance", "db2", 1L), List.of(1L, "team", "ops", 2L),
            List.of(2L, "instance", "db1", 1L), List.of(2L, "team", "ops", 1L)),
        longs(DatabaseRows.query(db, "SELECT incident_id, name, value, alerts FROM incident_card_labels"
            + " ORDER BY 1, 2, 3")));
    assertEquals(List.of(List.of(1L, "Disk", 1L), List.of(1L, "DiskSlow", 1L), List.of(2L, "Disk", 1L)),
        longs(DatabaseRows.query(db, "SELECT incident_id, trigger, alerts FROM incident_card_triggers ORDER BY 1, 2")));
    // incident 1: the periods that ended after it opened (not 500-900); the one in progress is incident 2's
    assertEquals(List.of(
            Arrays.asList(1L, 0L, 2L, 1000L, 3000L, 1500L, 4000L),
            Arrays.asList(2L, 1L, 0L, null, null, null, null)),
        longs(DatabaseRows.query(db, "SELECT id, periods_in_progress, periods_ended, first_ended_start,"
            + " first_ended_end, last_ended_start, last_ended_end FROM incidents ORDER BY id")));
  }

  /** Rows with every number as a long (SQLite answers with Integer or Long by size). */
  private static List<List<Object>> longs(List<List<Object>> rows) {
    return rows.stream().map(r -> r.stream().map(v -> v instanceof Number n ? (Object) n.longValue() : v).toList())
        .toList();
  }
}
