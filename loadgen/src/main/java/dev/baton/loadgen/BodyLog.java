package dev.baton.loadgen;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The durable floor's store: each request body committed to SQLite (WAL, {@code synchronous =
 * normal}) by one writer thread that takes every body waiting and commits them together (group
 * commit), as Baton's writer commits a request's raw message before its answer. Nothing is decoded
 * and nothing else is stored: whatever a receiver derives from a body costs more than this.
 */
final class BodyLog implements AutoCloseable {

  private record Pending(byte[] body, CompletableFuture<Void> committed) {}

  private static final Pending STOP = new Pending(new byte[0], new CompletableFuture<>());

  private final Connection db;
  private final PreparedStatement insert;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;

  private BodyLog(Connection db) throws SQLException {
    this.db = db;
    this.insert = db.prepareStatement("INSERT INTO messages (received_at, body) VALUES (?, ?)");
    this.writer = new Thread(this::write, "floor-writer");
    writer.setDaemon(true);
    writer.start();
  }

  static BodyLog open(Path file) throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = NORMAL");
      s.execute("CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL,"
          + " body BLOB NOT NULL)");
    }
    db.setAutoCommit(false);
    return new BodyLog(db);
  }

  /** Returns once {@code body} is committed; fails when the commit failed. */
  void append(byte[] body) throws InterruptedException, ExecutionException {
    CompletableFuture<Void> committed = new CompletableFuture<>();
    queue.put(new Pending(body, committed));
    committed.get();
  }

  private void write() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch);
      boolean stop = batch.remove(STOP);
      try {
        long now = System.currentTimeMillis();
        for (Pending p : batch) {
          insert.setLong(1, now);
          insert.setBytes(2, p.body());
          insert.executeUpdate();
        }
        db.commit();
        batch.forEach(p -> p.committed().complete(null));
      } catch (SQLException e) {
        try {
          db.rollback();
        } catch (SQLException ignored) {
          // the connection is unusable; every waiting request fails below
        }
        batch.forEach(p -> p.committed().completeExceptionally(e));
      }
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  @Override
  public void close() throws Exception {
    queue.put(STOP);
    writer.join(5_000);
    insert.close();
    db.close();
  }
}
