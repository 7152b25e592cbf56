package dev.baton.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writer's side of the change log (table {@code change_log}, read by the event stream). A
 * transaction notes every incident and alert row it writes; {@link #append} adds one row per
 * entity, however often the transaction wrote it, just before the commit. Ids come from the
 * writer in commit order, so a reader that sees id N has every id below it.
 */
final class ChangeLog {

  /** Most rows one pruning pass deletes, so a pass stays a few milliseconds. */
  static final int PRUNE_CHUNK = 10_000;
  static final String INCIDENT = "incident";
  static final String ALERT = "alert";
  /** The generic change; a more telling one (a timeline kind) replaces it, "opened" and "created" are kept. */
  static final String UPDATED = "updated";

  private record Key(String entity, long id) {
  }

  private static final class Pending {
    Long version;
    String change;
  }

  private final Connection connection;
  private final ChangeLogRetention retention;
  private final PendingRows insert;
  private final PreparedStatement head;
  private final PreparedStatement delete;
  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private long nextId;
  private long nextPruneAt;

  ChangeLog(Connection connection, ChangeLogRetention retention) throws SQLException {
    this.connection = connection;
    this.retention = retention;
    insert = new PendingRows(connection, "INSERT OR FAIL INTO change_log (id, at, entity, entity_id, version, change)"
        + " VALUES ", 6, "", 64);
    head = connection.prepareStatement("SELECT id, at FROM change_log ORDER BY id LIMIT " + PRUNE_CHUNK);
    delete = connection.prepareStatement("DELETE FROM change_log WHERE id <= ?");
    reloadNextId();
  }

  /** After a rollback (or at start): the next id continues from what is committed. */
  void reloadNextId() throws SQLException {
    // pruning always keeps the newest row, so ids are never handed out twice (V14)
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM change_log")) {
      nextId = rs.getLong(1);
    }
  }

  void incident(long id, Long version, String change) {
    note(INCIDENT, id, version, change);
  }

  void alert(long id, String change) {
    note(ALERT, id, null, change);
  }

  private void note(String entity, long id, Long version, String change) {
    Pending p = pending.computeIfAbsent(new Key(entity, id), k -> new Pending());
    if (version != null) {
      p.version = version;
    }
    if (p.change == null || UPDATED.equals(p.change)) {
      p.change = change;
    }
  }

  /**
   * Writes the noted changes inside the transaction about to commit; returns the last id written,
   * or 0 when there was nothing.
   */
  long append(long at) throws SQLException {
    if (pending.isEmpty()) {
      return 0;
    }
    long id = nextId;
    for (Map.Entry<Key, Pending> e : pending.entrySet()) {
      insert.add(id++, at, e.getKey().entity(), e.getKey().id(), e.getValue().version, e.getValue().change);
    }
    insert.write();
    pending.clear();
    nextId = id;
    return id - 1;
  }

  /** The transaction committed: its ids are taken. */
  void committed() {
    pending.clear();
  }

  /** The transaction rolled back: forget its notes; the caller reloads the next id once the rollback is done. */
  void discard() {
    pending.clear();
  }

  /**
   * Deletes, in its own short transaction, the oldest rows beyond the retention (at most
   * {@link #PRUNE_CHUNK}); at most once per {@link ChangeLogRetention#pruneEvery()}. Returns how
   * many rows were deleted.
   */
  int pruneIfDue(long now) throws SQLException {
    if (now < nextPruneAt) {
      return 0;
    }
    nextPruneAt = now + retention.pruneEvery().toMillis();
    long keepFromId = nextId - retention.maxEvents();
    long keepFromAt = now - retention.maxAge().toMillis();
    long last = 0;
    int rows = 0;
    try (ResultSet rs = head.executeQuery()) {
      // the newest row always stays: it tells a reconnecting client where the log stands
      while (rs.next() && rs.getLong(1) < nextId - 1 && (rs.getLong(1) < keepFromId || rs.getLong(2) < keepFromAt)) {
        last = rs.getLong(1);
        rows++;
      }
    }
    if (rows > 0) {
      delete.setLong(1, last);
      delete.executeUpdate();
      if (rows == PRUNE_CHUNK) {
        nextPruneAt = now; // more to do: the next transaction prunes again
      }
    }
    connection.commit();
    return rows;
  }
}
