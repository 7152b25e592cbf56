package dev.baton.server.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a set of cards' alerts add to them — triggers, each label's first values, the earliest and
 * latest start of the periods in progress — read from the aggregates the writer keeps
 * (V9__card_aggregates.sql) with one statement each for all the cards: a page of cards costs three
 * or four statements, not a few per card. Labels are read by an ordered scan of the incidents'
 * rows when the incidents are small, and by index seeks, a few per label name, for those with more
 * than {@link #SCANNED_ALERTS} alerts: a label with a value per alert costs no more than another,
 * whatever the incident's size.
 */
final class CardAggregates {

  /** Distinct values kept per label on a card (the first in sorting order); the detail has every alert's labels. */
  static final int LABEL_VALUES_PER_CARD = 20;
  /**
   * Incidents with at most this many alerts have their label rows scanned (each name has at most
   * one value per alert); larger ones are read name by name.
   */
  static final int SCANNED_ALERTS = 100;

  private final Map<Long, TreeSet<String>> triggers = new HashMap<>();
  private final Map<Long, Map<String, List<String>>> labels = new HashMap<>();
  private final Map<Long, long[]> inProgress = new HashMap<>();

  private CardAggregates() {
  }

  /** The triggers of the incidents' alerts. */
  static String triggersSql(int ids) {
    return "SELECT incident_id, trigger FROM incident_card_triggers WHERE incident_id IN (" + IdList.placeholders(ids) + ")";
  }

  /** Every label value of the incidents, in the primary key's order: the caller keeps each name's first values. */
  static String labelScanSql(int ids) {
    return "SELECT incident_id, name, value FROM incident_card_labels WHERE incident_id IN (" + IdList.placeholders(ids)
        + ") ORDER BY incident_id, name, value";
  }

  /**
   * Each label's first {@link #LABEL_VALUES_PER_CARD} values of each incident: the label names walked
   * one after another from the primary key (the least name after the previous one), then each
   * name's first values.
   */
  static String labelsSql(int ids) {
    return "WITH RECURSIVE names(incident_id, name) AS ("
        + "SELECT i.id, (SELECT min(c.name) FROM incident_card_labels c WHERE c.incident_id = i.id)"
        + " FROM incidents i WHERE i.id IN (" + IdList.placeholders(ids) + ")"
        + " UNION ALL SELECT n.incident_id, (SELECT min(c.name) FROM incident_card_labels c"
        + " WHERE c.incident_id = n.incident_id AND c.name > n.name) FROM names n WHERE n.name IS NOT NULL)"
        + " SELECT n.incident_id, n.name, v.value FROM names n JOIN incident_card_labels v"
        + " ON v.incident_id = n.incident_id AND v.name = n.name"
        + " WHERE v.value IN (SELECT c.value FROM incident_card_labels c WHERE c.incident_id = n.incident_id"
        + " AND c.name = n.name ORDER BY c.value LIMIT " + LABEL_VALUES_PER_CARD + ")"
        + " ORDER BY n.incident_id, n.name, v.value";
  }

  /**
   * The earliest and latest start of each incident's periods in progress. Two subqueries: SQLite
   * reads a min() or a max() alone from the end of an index, both in one query by a scan.
   */
  static String periodsInProgressSql(int ids) {
    return "SELECT i.id, (SELECT min(a.period_start) FROM alerts a WHERE a.incident_id = i.id"
        + " AND a.period_start IS NOT NULL), (SELECT max(a.period_start) FROM alerts a WHERE a.incident_id = i.id"
        + " AND a.period_start IS NOT NULL) FROM incidents i WHERE i.id IN (" + IdList.placeholders(ids) + ")";
  }

  /**
   * Reads the aggregates of {@code ids}: the labels of {@code large} (incidents with more than
   * {@link #SCANNED_ALERTS} alerts) name by name, the others' by a scan; the starts of periods in
   * progress only for {@code withPeriodsInProgress} (those whose count the incident row says is above 0).
   */
  static CardAggregates read(Connection c, Collection<Long> ids, Collection<Long> large,
      Collection<Long> withPeriodsInProgress) throws SQLException {
    CardAggregates read = new CardAggregates();
    if (ids.isEmpty()) {
      return read;
    }
    try (PreparedStatement ps = c.prepareStatement(triggersSql(ids.size()))) {
      IdList.bind(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          read.triggers.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    List<Long> small = new ArrayList<>(ids);
    small.removeAll(large);
    if (!small.isEmpty()) {
      read.readLabels(c, labelScanSql(small.size()), small);
    }
    if (!large.isEmpty()) {
      read.readLabels(c, labelsSql(large.size()), large);
    }
    read.labels.values().forEach(names -> names.replaceAll((n, values) -> List.copyOf(values)));
    if (!withPeriodsInProgress.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(periodsInProgressSql(withPeriodsInProgress.size()))) {
        IdList.bind(ps, withPeriodsInProgress);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            read.inProgress.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
          }
        }
      }
    }
    return read;
  }

  /** Rows of (incident, name, value) in that order; keeps each name's first {@link #LABEL_VALUES_PER_CARD} values. */
  private void readLabels(Connection c, String sql, Collection<Long> ids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      IdList.bind(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        long incident = 0;
        String name = null;
        List<String> values = null;
        while (rs.next()) {
          long id = rs.getLong(1);
          String n = rs.getString(2);
          if (values == null || id != incident || !n.equals(name)) {
            values = new ArrayList<>();
            labels.computeIfAbsent(id, k -> new TreeMap<>()).put(n, values);
            incident = id;
            name = n;
          }
          if (values.size() < LABEL_VALUES_PER_CARD) {
            values.add(rs.getString(3));
          }
        }
      }
    }
  }

  /** The triggers of the incident's alerts, sorted; empty when none has one. */
  TreeSet<String> triggers(long incident) {
    return triggers.getOrDefault(incident, new TreeSet<>());
  }

  /** Label name (sorted) to its first values (sorted). */
  Map<String, List<String>> labels(long incident) {
    return labels.getOrDefault(incident, Map.of());
  }

  /** Epoch ms of the earliest and latest start of the incident's periods in progress; null when not read. */
  long[] periodsInProgress(long incident) {
    return inProgress.get(incident);
  }
}
