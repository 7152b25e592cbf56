package dev.baton.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's side of {@code incident_card_labels} (V9): how many of an incident's alerts carry
 * each label value. A transaction adds the labels of the alerts it creates and the changes of the
 * labels it rewrites; {@link #write} applies the sum once per incident and label value just
 * before the commit, so a storm of alerts sharing {@code job} and {@code alertname} costs one row
 * write per transaction for those, not one per alert. (An alert joining an incident later adds
 * its labels through a trigger: that is rare and needs the labels as stored.)
 */
final class CardLabelCounts {

  private record Key(long incident, String name, String value) {
  }

  private final PreparedStatement add;
  private final PreparedStatement deleteEmpty;
  private final Map<Key, Integer> pending = new HashMap<>();

  CardLabelCounts(Connection connection) throws SQLException {
    add = connection.prepareStatement("INSERT INTO incident_card_labels (incident_id, name, value, alerts)"
        + " VALUES (?,?,?,?) ON CONFLICT (incident_id, name, value) DO UPDATE SET alerts = alerts + excluded.alerts");
    deleteEmpty = connection.prepareStatement(
        "DELETE FROM incident_card_labels WHERE incident_id = ? AND name = ? AND value = ? AND alerts <= 0");
  }

  /** One more ({@code delta} 1) or one fewer (-1) alert of the incident carries these labels; incident 0 is none. */
  void add(long incident, Map<String, String> labels, int delta) {
    if (incident == 0) {
      return;
    }
    for (Map.Entry<String, String> l : labels.entrySet()) {
      pending.merge(new Key(incident, l.getKey(), l.getValue()), delta, Integer::sum);
    }
  }

  /** Applies what the transaction added, before its commit. */
  void write() throws SQLException {
    for (Map.Entry<Key, Integer> e : pending.entrySet()) {
      int delta = e.getValue();
      if (delta == 0) {
        continue;
      }
      Key k = e.getKey();
      bind(add, k).setInt(4, delta);
      add.executeUpdate();
      if (delta < 0) {
        bind(deleteEmpty, k).executeUpdate();
      }
    }
    pending.clear();
  }

  /** Forgets what a rolled-back transaction added. */
  void discard() {
    pending.clear();
  }

  private static PreparedStatement bind(PreparedStatement p, Key k) throws SQLException {
    p.setLong(1, k.incident());
    p.setString(2, k.name());
    p.setString(3, k.value());
    return p;
  }
}
