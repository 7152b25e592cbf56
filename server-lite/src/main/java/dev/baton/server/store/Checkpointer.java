package dev.baton.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database on its own connection and thread, so the writer's
 * commits never pay for a checkpoint. Passive checkpoints every half second; when the WAL
 * still grows past {@value #RESTART_BYTES} bytes, a restarting one briefly waits for the writer
 * so the WAL starts over.
 */
final class Checkpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
  static final long RESTART_BYTES = 64L * 1024 * 1024;
  private static final long PERIOD_MILLIS = 500;

  private final Path wal;
  private final Connection connection;
  private final Thread thread;
  private volatile boolean running = true;

  Checkpointer(Path database, SqliteStore.Synchronous synchronous) throws SQLException {
    this.wal = Path.of(database + "-wal");
    this.connection = DriverManager.getConnection("jdbc:sqlite:" + database);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA synchronous = " + synchronous.name());
    }
    this.thread = new Thread(this::run, "baton-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(PERIOD_MILLIS);
        boolean big = Files.exists(wal) && Files.size(wal) > RESTART_BYTES;
        try (Statement s = connection.createStatement()) {
          s.execute(big ? "PRAGMA wal_checkpoint(RESTART)" : "PRAGMA wal_checkpoint(PASSIVE)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // a busy database or a transient I/O error: the next round tries again
        LOG.debug("checkpoint skipped: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.debug("checkpoint connection close: {}", e.toString());
    }
  }
}
