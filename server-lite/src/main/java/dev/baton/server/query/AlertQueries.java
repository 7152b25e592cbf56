package dev.baton.server.query;

import dev.baton.api.model.Alert;
import dev.baton.api.model.AlertPage;
import dev.baton.api.model.FiringPeriod;
import dev.baton.api.model.LabelNames;
import dev.baton.api.model.LabelValues;
import dev.baton.mql.sql.SqlFragment;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of alerts: search, an incident's alerts, the label vocabulary, the active ones. */
public final class AlertQueries {

  public static final int MAX_VOCABULARY = 1000;
  private static final String COLUMNS = "a.id, a.project, a.fingerprint, a.am_fingerprint, a.trigger, a.kind, a.state,"
      + " a.severity, a.source, a.labels, a.annotations, a.generator_url, a.first_seen, a.last_seen, a.expires_at,"
      + " a.period_start, a.fire_count, a.incident_id";

  private final ReadConnections readers;

  public AlertQueries(ReadConnections readers) {
    this.readers = readers;
  }

  /** Alerts matching {@code q}, newest first. */
  public AlertPage search(String q, int limit, String cursor) {
    SqlFragment filter = MqlFilters.alerts("q", q);
    long before = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : decode(cursor);
    String sql = "SELECT " + COLUMNS + " FROM alerts a WHERE a.id < ? AND (" + filter.sql() + ") ORDER BY a.id DESC LIMIT ?";
    return readers.read(c -> {
      List<Alert> items = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, before);
        int index = filter.bind(ps, 2);
        ps.setInt(index, limit + 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (items.size() == limit) {
              return new AlertPage(items, encode(items.get(items.size() - 1).id()));
            }
            items.add(alert(c, rs));
          }
        }
      }
      return new AlertPage(items, null);
    });
  }

  /** The alerts that are active now (firing, or unknown: their refreshes stopped), matching {@code q}. */
  public List<ActiveAlert> active(String q) {
    SqlFragment filter = MqlFilters.alerts("filter", q);
    String sql = "SELECT " + COLUMNS + " FROM alerts a WHERE a.state IN ('firing', 'unknown') AND (" + filter.sql()
        + ") ORDER BY a.id";
    return readers.read(c -> {
      List<ActiveAlert> items = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        filter.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Long expires = Rows.nullableLong(rs, "expires_at");
            items.add(new ActiveAlert(rs.getString("am_fingerprint"), alertOf(rs, List.of()),
                expires == null ? null : Instant.ofEpochMilli(expires)));
          }
        }
      }
      return items;
    });
  }

  /**
   * These alerts by id, with their firing periods: two statements on one connection, whatever the
   * number (the event stream reads a page of changes at once); ids of no alert are left out.
   */
  public Map<Long, Alert> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    String in = IdList.placeholders(ids.size());
    return readers.read(c -> {
      Map<Long, List<FiringPeriod>> periods = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT alert_id, started_at, ended_at FROM firing_periods"
          + " WHERE alert_id IN (" + in + ") ORDER BY alert_id, started_at")) {
        IdList.bind(ps, ids);
        try (ResultSet p = ps.executeQuery()) {
          while (p.next()) {
            periods.computeIfAbsent(p.getLong(1), k -> new ArrayList<>())
                .add(new FiringPeriod(Instant.ofEpochMilli(p.getLong(2)), Instant.ofEpochMilli(p.getLong(3))));
          }
        }
      }
      Map<Long, Alert> alerts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts a WHERE a.id IN (" + in + ")")) {
        IdList.bind(ps, ids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong("id");
            alerts.put(id, alertOf(rs, periods.getOrDefault(id, List.of())));
          }
        }
      }
      return alerts;
    });
  }

  /** An active alert with what Alertmanager's answer needs beyond {@link Alert}. */
  public record ActiveAlert(String amFingerprint, Alert alert, Instant endsAt) {
  }

  /** Label names in use, sorted, at most {@code limit}: one index seek per name. */
  public LabelNames labels(int limit) {
    return readers.read(c -> {
      List<String> names = new ArrayList<>();
      boolean more = false;
      try (PreparedStatement ps = c.prepareStatement("SELECT min(name) FROM alert_labels WHERE name > ?")) {
        String last = "";
        while (true) {
          ps.setString(1, last);
          String next;
          try (ResultSet rs = ps.executeQuery()) {
            next = rs.next() ? rs.getString(1) : null;
          }
          if (next == null) {
            break;
          }
          if (names.size() == limit) {
            more = true;
            break;
          }
          names.add(next);
          last = next;
        }
      }
      return new LabelNames(names, more);
    });
  }

  /** Values of a label starting with {@code prefix}, sorted, at most {@code limit}: one index seek per value. */
  public LabelValues labelValues(String name, String prefix, int limit) {
    String p = prefix == null ? "" : prefix;
    return readers.read(c -> {
      List<String> values = new ArrayList<>();
      boolean more = false;
      try (PreparedStatement first = c.prepareStatement("SELECT min(value) FROM alert_labels WHERE name = ? AND value >= ?");
          PreparedStatement next = c.prepareStatement("SELECT min(value) FROM alert_labels WHERE name = ? AND value > ?")) {
        PreparedStatement ps = first;
        String from = p;
        while (true) {
          ps.setString(1, name);
          ps.setString(2, from);
          String value;
          try (ResultSet rs = ps.executeQuery()) {
            value = rs.next() ? rs.getString(1) : null;
          }
          if (value == null || !value.startsWith(p)) {
            break;
          }
          if (values.size() == limit) {
            more = true;
            break;
          }
          values.add(value);
          from = value;
          ps = next;
        }
      }
      return new LabelValues(name, p, values, more);
    });
  }

  /** Every alert of an incident, in the order they joined it. */
  static List<Alert> ofIncident(Connection c, long incident) throws SQLException {
    List<Alert> alerts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident_alerts ia"
        + " JOIN alerts a ON a.id = ia.alert_id WHERE ia.incident_id = ? ORDER BY ia.joined_at, a.id")) {
      ps.setLong(1, incident);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts.add(alert(c, rs));
        }
      }
    }
    return alerts;
  }

  private static Alert alert(Connection c, ResultSet rs) throws SQLException {
    List<FiringPeriod> periods = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT started_at, ended_at FROM firing_periods WHERE alert_id = ? ORDER BY started_at")) {
      ps.setLong(1, rs.getLong("id"));
      try (ResultSet p = ps.executeQuery()) {
        while (p.next()) {
          periods.add(new FiringPeriod(Instant.ofEpochMilli(p.getLong(1)), Instant.ofEpochMilli(p.getLong(2))));
        }
      }
    }
    return alertOf(rs, periods);
  }

  private static Alert alertOf(ResultSet rs, List<FiringPeriod> ended) throws SQLException {
    List<FiringPeriod> periods = new ArrayList<>(ended);
    Instant inProgress = Rows.instant(rs, "period_start");
    if (inProgress != null) {
      periods.add(new FiringPeriod(inProgress, null));
    }
    return new Alert(rs.getLong("id"), rs.getString("project"), rs.getString("fingerprint"), rs.getString("trigger"),
        rs.getString("kind"), rs.getString("state"), Rows.severity(rs.getInt("severity")), rs.getString("source"),
        Rows.stringMap(rs.getString("labels")), Rows.stringMap(rs.getString("annotations")),
        rs.getString("generator_url"), Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen"),
        rs.getInt("fire_count"), periods, Rows.nullableLong(rs, "incident_id"));
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("alert:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("alert:")) {
        return Long.parseLong(text.substring(6));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new BadRequest("cursor", "not a cursor this server gave out; pass nextCursor from the previous page as it was");
  }
}
