package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.server.DatabaseRows;
import dev.baton.server.heartbeat.SourceState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V14 on a database written before it: the change log keeps its rows and its ids go on after the
 * newest without AUTOINCREMENT, and the sources keep their totals (messages stored before V14 are
 * counted in their rows already, never again).
 */
class WriterPagesMigrationTest {

  @Test
  void changeLogRowsAndSourceTotalsSurvive(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("baton.db");
    OlderDatabase.write(db, 13,
        // written just now, so that the retention keeps them
        "INSERT INTO change_log (at, entity, entity_id, version, change) SELECT unixepoch() * 1000, column1, column2,"
            + " column3, column4 FROM (VALUES ('incident', 1, 1, 'opened'), ('alert', 7, NULL, 'created'),"
            + " ('incident', 1, 2, 'updated'))",
        "INSERT INTO messages (id, received_at, source, endpoint, body) VALUES"
            + " (1, 100, 'prom', 'alertmanager-v2', x'00'), (2, 200, 'prom', 'alertmanager-v2', x'00')",
        "INSERT INTO sources (name, last_message_at, last_heartbeat_at, alerts_received, heartbeats_received)"
            + " VALUES ('prom', 200, 150, 12, 3)");
    try (SqliteStore store = SqliteStore.open(db, SqliteStore.Synchronous.NORMAL, Clock.systemUTC(),
        ChangeLogRetention.DEFAULT)) {
      assertEquals(List.of(new SourceState("prom", 200, 150, 12, 3, 0, null)), store.loadSources());
      store.loadHotState(); // as the writer does at start: message and change ids go on from the stored ones
      StoreTransaction tx = store.begin();
      tx.insertMessage(300, "prom", "alertmanager-v2", null, null, new byte[] {1}, 5);
      tx.describeIncident(1, "disk full", null);
      tx.commit();
      // the new message counts through source_totals, the old ones stay counted once
      assertEquals(List.of(new SourceState("prom", 300, 150, 17, 3, 0, null)), store.loadSources());
    }
    assertEquals(List.of(List.of(1L, "opened"), List.of(2L, "created"), List.of(3L, "updated"),
            List.of(4L, "updated")),
        DatabaseRows.query(db, "SELECT id, change FROM change_log ORDER BY id").stream()
            .map(r -> List.of(((Number) r.get(0)).longValue(), r.get(1))).toList());
    assertEquals(List.of(List.of(0L)), DatabaseRows.query(db,
        "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'").stream()
        .map(r -> List.of(((Number) r.get(0)).longValue())).toList());
  }
}
