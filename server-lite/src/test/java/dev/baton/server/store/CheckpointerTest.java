package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpointer keeps the WAL from growing without end under a writer that never pauses: such
 * a writer seldom lets a passive checkpoint finish before its next commit, so only the restarting
 * checkpoint makes the WAL start over.
 */
class CheckpointerTest {

  /** About 50 commits were enough for two restarts here, about 4,000 without the restarting checkpoint. */
  private static final int COMMITS = 1_000;

  @Test
  void theWalStartsOverWhileTheWriterNeverPauses(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("c.db");
    Path wal = Path.of(db + "-wal");
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA wal_autocheckpoint = 0");
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
      }
      writer.setAutoCommit(false);
      Set<Integer> generations = new HashSet<>();
      long restartBytes = 256 * 1024;
      int commits = 0;
      try (Checkpointer checkpointer = new Checkpointer(db, SqliteStore.Synchronous.NORMAL, restartBytes, 20);
           PreparedStatement insert = writer.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
        // small commits back to back, as the receiver's writer makes them under load
        while (generations.size() < 3 && commits < COMMITS) {
          commits++;
          insert.setBytes(1, new byte[3000]);
          insert.executeUpdate();
          writer.commit();
          byte[] header = new byte[32];
          try (var in = Files.newInputStream(wal)) {
            in.readNBytes(header, 0, 32);
          }
          generations.add(ByteBuffer.wrap(header).getInt(16)); // salt-1 changes each time the WAL starts over
        }
      }
      assertTrue(generations.size() >= 3, "the WAL started over " + (generations.size() - 1) + " times in "
          + COMMITS + " commits");
    }
  }
}
