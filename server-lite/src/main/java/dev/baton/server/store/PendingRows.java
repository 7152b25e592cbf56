package dev.baton.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;

/**
 * Rows the writer's transaction adds to one table, held until something needs them and then
 * inserted with multi-row statements ({@code INSERT … VALUES (…),(…),…}) instead of one statement
 * per row: each statement execution crosses JNI and starts a VDBE program, which costs about as
 * much as inserting the row. The rows go in the order they were added, so rowids come out as with
 * one statement each.
 *
 * <p>Statements are prepared once per row count: every count up to {@value #EXACT} (a commit of
 * requests sent one at a time has a few rows per table), and above it powers of two up to {@code
 * maxRows}, since a prepared multi-row statement holds tens of KiB inside SQLite. Larger sets take
 * statements of {@code maxRows} rows, then one of the largest power of two below the rest, then
 * one for the rest.
 *
 * <p>Callers insert {@code OR FAIL} (or {@code OR IGNORE}) where a row could break a constraint: a
 * multi-row statement that may abort keeps a statement journal, a copy of every page it changes,
 * to undo itself alone; the writer rolls the whole transaction back on any failure, so the copies
 * are never needed.
 */
final class PendingRows {

  /** Row counts up to this have a statement of their own. */
  static final int EXACT = 16;

  private final Connection connection;
  private final String head;
  private final String row;
  private final String tail;
  private final int columns;
  private final int maxRows;
  /** Prepared statements by their row count. */
  private final PreparedStatement[] statements;
  private Object[] values;
  private int size;

  /**
   * @param head    the statement up to its VALUES list, such as {@code "INSERT INTO t (a, b) VALUES "}
   * @param columns values per row
   * @param tail    what follows the VALUES list ({@code ""}, or an {@code ON CONFLICT} clause)
   * @param maxRows most rows in one statement, a power of two
   */
  PendingRows(Connection connection, String head, int columns, String tail, int maxRows) {
    if (Integer.bitCount(maxRows) != 1) {
      throw new IllegalArgumentException("maxRows must be a power of two: " + maxRows);
    }
    this.connection = connection;
    this.head = head;
    this.row = "(?" + ",?".repeat(columns - 1) + ")";
    this.tail = tail;
    this.columns = columns;
    this.maxRows = maxRows;
    this.statements = new PreparedStatement[maxRows + 1];
    this.values = new Object[columns * 16];
  }

  /** Adds a row: one value per column, each a String, Long, Integer, byte[] or null. */
  void add(Object... row) {
    if (row.length != columns) {
      throw new IllegalArgumentException(columns + " values per row, not " + row.length);
    }
    if (size + columns > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    System.arraycopy(row, 0, values, size, columns);
    size += columns;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Inserts the rows added so far, in order, and forgets them. */
  void write() throws SQLException {
    int rows = size / columns;
    int at = 0;
    try {
      while (rows > 0) {
        int n = rows >= maxRows ? maxRows : rows <= EXACT ? rows : Integer.highestOneBit(rows);
        PreparedStatement p = statement(n);
        int count = n * columns;
        for (int i = 0; i < count; i++) {
          bind(p, i + 1, values[at + i]);
        }
        p.executeUpdate();
        at += count;
        rows -= n;
      }
    } finally {
      discard(); // written, or the transaction fails and rolls back
    }
  }

  /** Forgets the rows added (the transaction rolled back). */
  void discard() {
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  private PreparedStatement statement(int rows) throws SQLException {
    PreparedStatement p = statements[rows];
    if (p == null) {
      StringBuilder sql = new StringBuilder(head.length() + tail.length() + rows * (row.length() + 1)).append(head);
      for (int i = 0; i < rows; i++) {
        sql.append(i == 0 ? "" : ",").append(row);
      }
      p = connection.prepareStatement(sql.append(tail).toString());
      statements[rows] = p;
    }
    return p;
  }

  private static void bind(PreparedStatement p, int index, Object value) throws SQLException {
    if (value == null) {
      p.setNull(index, Types.NULL);
    } else if (value instanceof String s) {
      p.setString(index, s);
    } else if (value instanceof Long l) {
      p.setLong(index, l);
    } else if (value instanceof Integer i) {
      p.setInt(index, i);
    } else if (value instanceof byte[] b) {
      p.setBytes(index, b);
    } else {
      throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
    }
  }
}
