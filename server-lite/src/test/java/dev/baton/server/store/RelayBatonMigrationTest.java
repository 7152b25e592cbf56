package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.server.DatabaseRows;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V4 on a database written before the relay baton: service levels respelled, every incident held. */
class RelayBatonMigrationTest {

  @Test
  void olderIncidentsGetConsistentServiceLevelsAndAHolder(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("baton.db");
    OlderDatabase.write(db, 3, "INSERT INTO incidents (id, project, grouping_key, status, severity, service_level,"
            + " sla_class, opened_at, closed_at, holder, holder_chain) VALUES"
            + " (1, 'a', 'k1', 'closed', 1, 'PLATINUM', 'urgent', 1000, 5000, NULL, '[]'),"
            + " (2, 'a', 'k2', 'taken', 2, 'GOLD', 'urgent', 2000, NULL, '@bob', '[\"#l1\",\"@bob\"]'),"
            + " (3, 'b', 'k3', 'open', 5, 'NONE', 'async', 3000, NULL, NULL, '[]')");
    SqliteStore.open(db, SqliteStore.Synchronous.NORMAL).close();
    assertEquals(List.of(
            Arrays.asList(1L, "Platinum", "#l1", "[\"#l1\"]", 5000L),
            Arrays.asList(2L, "Gold", "@bob", "[\"#l1\",\"@bob\"]", 2000L),
            Arrays.asList(3L, "None", "#l1", "[\"#l1\"]", 3000L)),
        DatabaseRows.query(db, "SELECT id, service_level, holder, holder_chain, updated_at FROM incidents ORDER BY id")
            .stream().map(r -> Arrays.asList(((Number) r.get(0)).longValue(), r.get(1), r.get(2), r.get(3),
                ((Number) r.get(4)).longValue())).toList());
    assertEquals(List.of(List.of("V4__relay_baton.sql")),
        DatabaseRows.query(db, "SELECT description FROM schema_version WHERE version = 4"));
  }
}
