package dev.baton.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's side of the card aggregates (V9, V14) for what a transaction creates and relabels:
 * how many of an incident's alerts carry each label value ({@code incident_card_labels}) and each
 * trigger ({@code incident_card_triggers}), and how many have a firing period in progress
 * ({@code incidents.periods_in_progress}). The transaction adds up its changes and applies each
 * sum once per incident and value: a storm of alerts sharing {@code job} and {@code alertname}
 * costs one row write per transaction for those, not one per alert, and the periods of an incident
 * the writer rewrites anyway go into that write ({@link #takePeriods}). (An alert joining an
 * incident later, a changed trigger and periods starting or ending on known alerts are counted by
 * the V9 triggers: those are rare and need the row as stored.)
 */
final class CardCounts {

  private record LabelKey(long incident, String name, String value) {
  }

  private record TriggerKey(long incident, String trigger) {
  }

  private final PendingRows addLabels;
  private final PreparedStatement deleteEmptyLabel;
  private final PendingRows addTriggers;
  private final PreparedStatement addPeriods;
  private final Map<LabelKey, Integer> labels = new HashMap<>();
  private final Map<TriggerKey, Integer> triggers = new HashMap<>();
  private final Map<Long, Integer> periods = new HashMap<>();

  CardCounts(Connection connection) throws SQLException {
    addLabels = new PendingRows(connection, "INSERT OR FAIL INTO incident_card_labels (incident_id, name, value,"
        + " alerts) VALUES ", 4,
        " ON CONFLICT (incident_id, name, value) DO UPDATE SET alerts = alerts + excluded.alerts", 64);
    deleteEmptyLabel = connection.prepareStatement(
        "DELETE FROM incident_card_labels WHERE incident_id = ? AND name = ? AND value = ? AND alerts <= 0");
    addTriggers = new PendingRows(connection, "INSERT OR FAIL INTO incident_card_triggers (incident_id, trigger,"
        + " alerts) VALUES ", 3, " ON CONFLICT (incident_id, trigger) DO UPDATE SET alerts = alerts + excluded.alerts",
        64);
    addPeriods = connection.prepareStatement(
        "UPDATE incidents SET periods_in_progress = periods_in_progress + ? WHERE id = ?");
  }

  /** One more ({@code delta} 1) or one fewer (-1) alert of the incident carries these labels; incident 0 is none. */
  void addLabels(long incident, Map<String, String> labels, int delta) {
    if (incident == 0) {
      return;
    }
    for (Map.Entry<String, String> l : labels.entrySet()) {
      this.labels.merge(new LabelKey(incident, l.getKey(), l.getValue()), delta, Integer::sum);
    }
  }

  /**
   * A new alert of the incident (0: none yet): its trigger (null: none) and whether its firing
   * period is in progress.
   */
  void addAlert(long incident, String trigger, boolean periodInProgress) {
    if (incident == 0) {
      return;
    }
    if (trigger != null) {
      triggers.merge(new TriggerKey(incident, trigger), 1, Integer::sum);
    }
    if (periodInProgress) {
      periods.merge(incident, 1, Integer::sum);
    }
  }

  /** The periods in progress the transaction added to the incident so far, now the caller's to write. */
  int takePeriods(long incident) {
    Integer n = periods.remove(incident);
    return n == null ? 0 : n;
  }

  /** Applies what the transaction added and no incident write took, before its commit. */
  void write() throws SQLException {
    boolean fewer = false;
    for (Map.Entry<LabelKey, Integer> e : labels.entrySet()) {
      int delta = e.getValue();
      if (delta != 0) {
        LabelKey k = e.getKey();
        addLabels.add(k.incident(), k.name(), k.value(), delta);
        fewer |= delta < 0;
      }
    }
    addLabels.write();
    if (fewer) {
      for (Map.Entry<LabelKey, Integer> e : labels.entrySet()) {
        if (e.getValue() < 0) {
          LabelKey k = e.getKey();
          deleteEmptyLabel.setLong(1, k.incident());
          deleteEmptyLabel.setString(2, k.name());
          deleteEmptyLabel.setString(3, k.value());
          deleteEmptyLabel.executeUpdate();
        }
      }
    }
    for (Map.Entry<TriggerKey, Integer> e : triggers.entrySet()) {
      addTriggers.add(e.getKey().incident(), e.getKey().trigger(), e.getValue());
    }
    addTriggers.write();
    for (Map.Entry<Long, Integer> e : periods.entrySet()) {
      addPeriods.setInt(1, e.getValue());
      addPeriods.setLong(2, e.getKey());
      addPeriods.executeUpdate();
    }
    discard();
  }

  /** Forgets what a rolled-back transaction added (or what {@link #write} applied). */
  void discard() {
    addLabels.discard();
    addTriggers.discard();
    labels.clear();
    triggers.clear();
    periods.clear();
  }
}
