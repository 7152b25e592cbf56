package dev.baton.server.query;

import dev.baton.mql.sql.SqliteRegexp;
import dev.baton.server.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * A small pool of read-only connections to the store, beside its single writer: in WAL mode
 * readers see the last committed state and never block the writer. Each connection is
 * {@code query_only} and knows MQL's {@code REGEXP}.
 */
public final class ReadConnections implements AutoCloseable {

  /** Work done on one borrowed connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final long BORROW_WAIT_MS = 10_000;

  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  private ReadConnections(int size) {
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /** Opens {@code size} read-only connections to an existing database (the writer creates it). */
  public static ReadConnections open(Path database, int size) {
    ReadConnections pool = new ReadConnections(size);
    String url = "jdbc:sqlite:" + database.toAbsolutePath();
    try {
      for (int i = 0; i < size; i++) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        Connection c = DriverManager.getConnection(url, config.toProperties());
        pool.all.add(c);
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA query_only = 1");
          s.execute("PRAGMA cache_size = -16384");
          s.execute("PRAGMA temp_store = MEMORY");
        }
        SqliteRegexp.register(c);
        pool.idle.add(c);
      }
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("database " + database + ": cannot open a reader: " + e.getMessage(), e);
    }
    return pool;
  }

  /** Runs {@code work} on a connection of the pool; SQL failures become {@link StoreException}. */
  public <T> T read(Work<T> work) {
    Connection c;
    try {
      c = idle.poll(BORROW_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database reader", e);
    }
    if (c == null) {
      throw new StoreException("no database reader became free within " + BORROW_WAIT_MS + " ms");
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("read failed: " + e.getMessage(), e);
    } finally {
      idle.add(c);
    }
  }

  @Override
  public void close() {
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing a reader cannot lose data
      }
    }
  }
}
