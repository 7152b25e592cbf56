package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpointer keeps the WAL from growing without end under a writer that never pauses: such
 * a writer seldom lets a passive checkpoint finish before its next commit, so only the restarting
 * checkpoint makes the WAL start over.
 *
 * <p>The test runs the rounds itself, so how many there are does not depend on how fast this
 * machine commits; the writer commits on its own thread without pause, as the receiver's does
 * under load. With passive checkpoints alone, 40 rounds here saw one or two generations.
 */
class CheckpointerTest {

  private static final long RESTART_BYTES = 256 * 1024;
  private static final int ROUNDS = 40;

  @Test
  void theWalStartsOverWhileTheWriterNeverPauses(@TempDir Path dir) throws Exception {
    int generations = generationsIn(dir.resolve("c.db"), RESTART_BYTES);
    assertTrue(generations >= 4, "the WAL started over " + (generations - 1) + " times in " + ROUNDS + " rounds");
  }

  /** How many WAL generations a writer that never pauses sees over {@link #ROUNDS} checkpoint rounds. */
  private static int generationsIn(Path db, long restartBytes) throws Exception {
    Path wal = Path.of(db + "-wal");
    Set<Integer> generations = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA wal_autocheckpoint = 0");
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
      }
      writer.setAutoCommit(false);
      Thread writes = new Thread(() -> {
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
          byte[] header = new byte[32];
          while (writing.get()) {
            insert.setBytes(1, new byte[3000]);
            insert.executeUpdate();
            writer.commit();
            try (var in = Files.newInputStream(wal)) {
              in.readNBytes(header, 0, 32);
            }
            generations.add(ByteBuffer.wrap(header).getInt(16)); // salt-1 changes each time the WAL starts over
          }
        } catch (Exception e) {
          failure.set(e);
        }
      }, "test-writer");
      try (Checkpointer checkpointer = new Checkpointer(db, SqliteStore.Synchronous.NORMAL, restartBytes, 0)) {
        writes.start();
        for (int round = 0; round < ROUNDS; round++) {
          Thread.sleep(20);
          checkpointer.round();
        }
      } finally {
        writing.set(false);
        writes.join();
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return generations.size();
  }
}
