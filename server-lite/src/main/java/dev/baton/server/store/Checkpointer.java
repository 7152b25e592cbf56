package dev.baton.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database on its own connection and thread, so the writer's
 * commits never pay for a checkpoint. Passive checkpoints every half second, beside the writer;
 * when the WAL then still holds more than {@value #RESTART_BYTES} bytes of frames (a writer that
 * never pauses keeps a passive checkpoint from ever catching up, so the WAL would grow without
 * end), more passive rounds catch up with what the writer appended meanwhile and a restarting one
 * follows so the WAL starts over. A restarting checkpoint holds the writer's lock while it copies
 * and syncs, so it runs only once passive ones have copied nearly everything, and waits at most
 * {@value #RESTART_WAIT_MILLIS} ms for the writer and readers.
 */
final class Checkpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
  static final long RESTART_BYTES = 64L * 1024 * 1024;
  static final int RESTART_WAIT_MILLIS = 100;
  /** Passive rounds before a restart stop once the writer appended fewer frames than this during one. */
  private static final long CATCH_UP_FRAMES = 256;
  private static final int CATCH_UP_ROUNDS = 4;
  private static final long PERIOD_MILLIS = 500;

  private final Connection connection;
  private final long pageSize;
  private final long restartBytes;
  private final long periodMillis;
  private final Thread thread;
  private volatile boolean running = true;

  Checkpointer(Path database, SqliteStore.Synchronous synchronous) throws SQLException {
    this(database, synchronous, RESTART_BYTES, PERIOD_MILLIS);
  }

  /**
   * With another restart size and period (tests); a period of 0 starts no thread, and the caller
   * runs each {@link #round()}.
   */
  Checkpointer(Path database, SqliteStore.Synchronous synchronous, long restartBytes, long periodMillis)
      throws SQLException {
    this.restartBytes = restartBytes;
    this.periodMillis = periodMillis;
    this.connection = DriverManager.getConnection("jdbc:sqlite:" + database);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + RESTART_WAIT_MILLIS);
      s.execute("PRAGMA synchronous = " + synchronous.name());
      try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
        pageSize = rs.getLong(1);
      }
    }
    if (periodMillis > 0) {
      this.thread = new Thread(this::run, "baton-checkpoint");
      thread.setDaemon(true);
      thread.start();
    } else {
      this.thread = null;
    }
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(periodMillis);
        round();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // a busy database or a transient I/O error: the next round tries again
        LOG.debug("checkpoint skipped: {}", e.toString());
      }
    }
  }

  /** One passive checkpoint, followed by catch-up rounds and a restarting one when the WAL holds too much. */
  void round() throws SQLException {
    long frames = checkpoint("PASSIVE");
    if (frames * pageSize > restartBytes) {
      // catch up with what the writer appended meanwhile, so the restart has little left to copy
      for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
        long before = frames;
        frames = checkpoint("PASSIVE");
        if (frames - before < CATCH_UP_FRAMES) {
          break;
        }
      }
      checkpoint("RESTART");
    }
  }

  /** Runs a checkpoint; how many frames the WAL holds. */
  private long checkpoint(String mode) throws SQLException {
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      return rs.next() ? rs.getLong(2) : 0;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      if (thread != null) {
        thread.interrupt();
        thread.join(5000);
      }
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.debug("checkpoint connection close: {}", e.toString());
    }
  }
}
