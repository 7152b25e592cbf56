package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written with multi-row statements, against a real SQLite file. */
class PendingRowsTest {

  @TempDir
  Path dir;
  Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rows.db"));
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, text TEXT, body BLOB)");
      s.execute("CREATE TABLE sums (k TEXT PRIMARY KEY, total INTEGER NOT NULL)");
    }
    c.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void everyRowGoesInInTheOrderAddedWhateverTheCountAcrossStatementSizes() throws SQLException {
    PendingRows rows = new PendingRows(c, "INSERT INTO t (n, text, body) VALUES ", 3, "", 32);
    int expected = 0;
    // statements of each count up to 16, then of 32 rows and the largest power of two below the rest
    for (int count : new int[] {1, 7, 16, 17, 31, 0, 32, 33, 63, 100}) {
      for (int i = 0; i < count; i++) {
        int n = expected + i;
        rows.add(n, n % 3 == 0 ? null : "row " + n, n % 2 == 0 ? new byte[] {(byte) n} : null);
      }
      rows.write();
      assertTrue(rows.isEmpty());
      expected += count;
      c.commit();
      List<List<Object>> stored = rows("SELECT id, n, text, body FROM t ORDER BY id");
      assertEquals(expected, stored.size(), "after " + count + " more");
      for (int n = 0; n < expected; n++) {
        List<Object> row = stored.get(n);
        assertEquals(n + 1L, row.get(0), "rowids follow the order the rows were added");
        assertEquals((long) n, row.get(1));
        assertEquals(n % 3 == 0 ? null : "row " + n, row.get(2));
        assertEquals(n % 2 == 0 ? List.of((byte) n) : null, row.get(3));
      }
    }
  }

  @Test
  void anUpsertTailAppliesToEveryRow() throws SQLException {
    PendingRows sums = new PendingRows(c, "INSERT INTO sums (k, total) VALUES ", 2,
        " ON CONFLICT (k) DO UPDATE SET total = total + excluded.total", 4);
    for (int i = 0; i < 11; i++) {
      sums.add("k" + i, 1L);
    }
    sums.write();
    for (int i = 0; i < 11; i += 2) {
      sums.add("k" + i, 10);
    }
    sums.write();
    c.commit();
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      expected.add(List.of("k" + i, i % 2 == 0 ? 11L : 1L));
    }
    expected.sort((a, b) -> ((String) a.get(0)).compareTo((String) b.get(0)));
    assertEquals(expected, rows("SELECT k, total FROM sums ORDER BY k"));
  }

  @Test
  void discardedRowsAreNeverWritten() throws SQLException {
    PendingRows rows = rowsOfT();
    rows.add(1, "rolled back", null);
    rows.discard();
    rows.add(2, "kept", null);
    rows.write();
    c.commit();
    assertEquals(List.of(List.of(2L, "kept")), rows("SELECT n, text FROM t"));
  }

  @Test
  void aFailedStatementLeavesNothingPendingForTheNextTransaction() throws SQLException {
    PendingRows rows = rowsOfT();
    rows.add(1, "fine", null);
    rows.add(null, "n is NOT NULL", null);
    assertThrows(SQLException.class, rows::write);
    c.rollback();
    rows.add(3, "next", null);
    rows.write();
    c.commit();
    assertEquals(List.of(List.of(3L, "next")), rows("SELECT n, text FROM t"));
  }

  @Test
  void aRowMustHaveOneValuePerColumn() {
    PendingRows rows = rowsOfT();
    assertThrows(IllegalArgumentException.class, () -> rows.add(1, "two values"));
    assertThrows(IllegalArgumentException.class, () -> new PendingRows(c, "INSERT INTO t (n) VALUES ", 1, "", 12));
  }

  /** Rows of table {@code t}, up to 8 a statement. */
  private PendingRows rowsOfT() {
    return new PendingRows(c, "INSERT INTO t (n, text, body) VALUES ", 3, "", 8);
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object v = rs.getObject(i);
          if (v instanceof byte[] b) {
            List<Byte> bytes = new ArrayList<>();
            for (byte x : b) {
              bytes.add(x);
            }
            v = bytes;
          } else if (v instanceof Integer n) {
            v = n.longValue();
          }
          row.add(v);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
