package dev.baton.server.store;

import dev.baton.server.alert.AlertKey;
import dev.baton.server.heartbeat.SourceState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources} table (heartbeat bookkeeping), read through {@code source_totals} (V14: the
 * rows plus the messages stored since they were written), and the lookup of a source's firing
 * alerts, on the writer's connection.
 */
final class SourceTable {

  private final PreparedStatement save;
  private final PreparedStatement countedThrough;
  private final PreparedStatement all;
  private final PreparedStatement firing;

  SourceTable(Connection c) throws SQLException {
    save = c.prepareStatement("INSERT OR REPLACE INTO sources (name, last_message_at, last_heartbeat_at,"
        + " alerts_received, heartbeats_received, missing_since, no_data_project) VALUES (?,?,?,?,?,?,?)");
    countedThrough = c.prepareStatement("UPDATE sources_counted SET through_message = ?");
    all = c.prepareStatement("SELECT name, last_message_at, last_heartbeat_at, alerts_received, heartbeats_received,"
        + " missing_since, no_data_project FROM source_totals");
    // through alerts_state: only the active alerts are read
    firing = c.prepareStatement("SELECT project, fingerprint FROM alerts WHERE state IN ('firing', 'pending')"
        + " AND source = ?");
  }

  /** Writes the sources' rows, which count the messages up to {@code lastMessageId}, and moves the mark there. */
  void save(List<SourceState> sources, long lastMessageId) throws SQLException {
    if (sources.isEmpty()) {
      return;
    }
    for (SourceState s : sources) {
      save(s);
    }
    countedThrough.setLong(1, lastMessageId);
    countedThrough.executeUpdate();
  }

  private void save(SourceState s) throws SQLException {
    save.setString(1, s.name());
    time(2, s.lastMessageAt());
    time(3, s.lastHeartbeatAt());
    save.setLong(4, s.alertsReceived());
    save.setLong(5, s.heartbeatsReceived());
    time(6, s.missingSince());
    save.setString(7, s.noDataProject());
    save.executeUpdate();
  }

  private void time(int index, long millis) throws SQLException {
    if (millis == 0) {
      save.setNull(index, Types.INTEGER);
    } else {
      save.setLong(index, millis);
    }
  }

  List<SourceState> all() throws SQLException {
    List<SourceState> sources = new ArrayList<>();
    try (ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        sources.add(new SourceState(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getString(7)));
      }
    }
    return sources;
  }

  List<AlertKey> firing(String source) throws SQLException {
    List<AlertKey> keys = new ArrayList<>();
    firing.setString(1, source);
    try (ResultSet rs = firing.executeQuery()) {
      while (rs.next()) {
        keys.add(new AlertKey(rs.getString(1), Long.parseUnsignedLong(rs.getString(2), 16)));
      }
    }
    return keys;
  }
}
