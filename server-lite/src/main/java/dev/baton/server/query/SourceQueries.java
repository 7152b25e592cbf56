package dev.baton.server.query;

import dev.baton.server.heartbeat.Heartbeats;
import dev.baton.server.heartbeat.SourceState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the store knows of each source: heartbeat bookkeeping and its active alerts, on a reader. */
public final class SourceQueries {

  /**
   * One source as stored.
   *
   * @param state         its heartbeat bookkeeping
   * @param activeAlerts  alerts it sent that are firing, pending or unknown (its no-data-for alert not counted)
   * @param unknownAlerts of those, the unknown ones
   */
  public record SourceRow(SourceState state, long activeAlerts, long unknownAlerts) {}

  private final ReadConnections readers;

  public SourceQueries(ReadConnections readers) {
    this.readers = readers;
  }

  /** Every source heard of (a row in {@code source_totals}, or a name on an active alert), by name. */
  public Map<String, SourceRow> all() {
    return readers.read(c -> {
      Map<String, long[]> counts = new HashMap<>();
      // through alerts_state: only active alerts are read
      try (PreparedStatement p = c.prepareStatement("SELECT source, count(*), sum(state = 'unknown') FROM alerts"
          + " WHERE state IN ('firing', 'pending', 'unknown') AND source IS NOT NULL AND trigger IS NOT ?"
          + " GROUP BY source")) {
        p.setString(1, Heartbeats.NO_DATA_FOR);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
          }
        }
      }
      Map<String, SourceRow> rows = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT name, last_message_at, last_heartbeat_at,"
          + " alerts_received, heartbeats_received, missing_since, no_data_project FROM source_totals ORDER BY name");
           ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          long[] n = counts.remove(name);
          rows.put(name, new SourceRow(new SourceState(name, rs.getLong(2), rs.getLong(3), rs.getLong(4),
              rs.getLong(5), rs.getLong(6), rs.getString(7)), n == null ? 0 : n[0], n == null ? 0 : n[1]));
        }
      }
      // alerts stored before the receiver kept source bookkeeping
      counts.forEach((name, n) -> rows.put(name, new SourceRow(new SourceState(name, 0, 0, 0, 0, 0, null), n[0], n[1])));
      return rows;
    });
  }
}
