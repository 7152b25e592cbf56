package dev.baton.server.report;

import dev.baton.server.store.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Writes incidents (each with one alert and its labels) and post-mortems straight into a store
 * file with SQL, for report tests and the report benchmark; the schema comes from the receiver's
 * own migrations. Open with {@link #create}, write, then {@link #close()} commits.
 */
final class IncidentRows implements AutoCloseable {

  /** One incident as the report reads it; {@code takenAt}, {@code closedAt} 0 when not. */
  record Incident(long id, String project, int severity, long openedAt, long takenAt, long closedAt,
      String holderChain, String team) {
  }

  /** A post-mortem's analytics fields; times 0 when not set. */
  record Postmortem(long id, long[] incidents, long failureStart, long failureEnd, String trigger, String detection,
      String damage, String alertWouldHave, String alertKind) {
  }

  private final Connection c;
  private final PreparedStatement incident;
  private final PreparedStatement alert;
  private final PreparedStatement label;
  private final PreparedStatement member;
  private final PreparedStatement postmortem;
  private final PreparedStatement covers;
  private final PreparedStatement deadline;
  private final PreparedStatement timeline;
  private final PreparedStatement pendingNoise;

  private IncidentRows(Connection c) throws SQLException {
    this.c = c;
    incident = c.prepareStatement("INSERT INTO incidents (id, project, grouping_key, trigger, status, state, severity,"
        + " service_level, sla_class, opened_at, closed_at, taken_at, holder_chain, alert_count)"
        + " VALUES (?,?,?,?,?,?,?,'GOLD','urgent',?,?,?,?,1)");
    alert = c.prepareStatement("INSERT INTO alerts (id, project, fingerprint, am_fingerprint, kind, state, severity,"
        + " trigger, labels, annotations, labels_hash, annotations_hash, grouping_key, first_seen, last_seen,"
        + " incident_id) VALUES (?,?,?,?,'lasting',?,?,?,?,'{}',0,0,?,?,?,?)");
    label = c.prepareStatement("INSERT INTO alert_labels (name, value, alert_id) VALUES (?,?,?)");
    member = c.prepareStatement("INSERT INTO incident_alerts (incident_id, alert_id, joined_at) VALUES (?,?,?)");
    postmortem = c.prepareStatement("INSERT INTO postmortems (id, title, status, failure_start, failure_end,"
        + " trigger_category, detection, damage_category, alert_would_have, alert_kind, created_at, created_by,"
        + " updated_at, updated_by, version) VALUES (?,?,'done',?,?,?,?,?,?,?,0,'generator',0,'generator',1)");
    covers = c.prepareStatement("INSERT INTO postmortem_incidents (incident_id, postmortem_id) VALUES (?,?)");
    deadline = c.prepareStatement("UPDATE incidents SET response_due_at = ?, sla_class = ? WHERE id = ?");
    timeline = c.prepareStatement("INSERT INTO timeline (incident_id, at, actor, kind, detail) VALUES (?,?,?,?,?)");
    pendingNoise = c.prepareStatement("INSERT INTO pending_noise (resolved_at, alert_id, project, trigger)"
        + " VALUES (?,?,?,?)");
  }

  /** Creates the store's schema in {@code file} and opens it for bulk writing. */
  static IncidentRows create(Path file) throws SQLException {
    SqliteStore.open(file, SqliteStore.Synchronous.NORMAL).close();
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA synchronous = OFF");
      s.execute("PRAGMA cache_size = -131072");
    }
    c.setAutoCommit(false);
    return new IncidentRows(c);
  }

  void add(Incident i) throws SQLException {
    String trigger = "Trigger" + (i.id() % 50);
    String key = "{project=\"" + i.project() + "\",alertname=\"" + trigger + "\"}#" + i.id();
    boolean open = i.closedAt() == 0;
    incident.setLong(1, i.id());
    incident.setString(2, i.project());
    incident.setString(3, key);
    incident.setString(4, trigger);
    incident.setString(5, open ? (i.takenAt() == 0 ? "open" : "taken") : "closed");
    incident.setString(6, open ? "firing" : "ok");
    incident.setInt(7, i.severity());
    incident.setLong(8, i.openedAt());
    time(incident, 9, i.closedAt());
    time(incident, 10, i.takenAt());
    incident.setString(11, i.holderChain());
    incident.executeUpdate();
    alert.setLong(1, i.id());
    alert.setString(2, i.project());
    alert.setString(3, String.format("%016x", i.id() * 0x9E3779B97F4A7C15L));
    alert.setString(4, String.format("%016x", i.id() * 0xC2B2AE3D27D4EB4FL));
    alert.setString(5, open ? "firing" : "ok");
    alert.setInt(6, i.severity());
    alert.setString(7, trigger);
    alert.setString(8, "{\"alertname\":\"" + trigger + "\",\"project\":\"" + i.project() + "\",\"team\":\"" + i.team()
        + "\"}");
    alert.setString(9, key);
    alert.setLong(10, i.openedAt());
    alert.setLong(11, open ? i.openedAt() : i.closedAt());
    alert.setLong(12, i.id());
    alert.executeUpdate();
    String[][] labels = {{"alertname", trigger}, {"project", i.project()}, {"team", i.team()}};
    for (String[] l : labels) {
      label.setString(1, l[0]);
      label.setString(2, l[1]);
      label.setLong(3, i.id());
      label.executeUpdate();
    }
    member.setLong(1, i.id());
    member.setLong(2, i.id());
    member.setLong(3, i.openedAt());
    member.executeUpdate();
  }

  /** Sets an incident's response deadline (0: none, a retro incident). */
  void deadline(long incidentId, long dueAt) throws SQLException {
    time(deadline, 1, dueAt);
    deadline.setString(2, dueAt == 0 ? "retro" : "urgent");
    deadline.setLong(3, incidentId);
    deadline.executeUpdate();
  }

  /** Appends a policy entry to an incident's timeline. */
  void timeline(long incidentId, long at, String kind, String detailJson) throws SQLException {
    timeline.setLong(1, incidentId);
    timeline.setLong(2, at);
    timeline.setString(3, "baton");
    timeline.setString(4, kind);
    timeline.setString(5, detailJson);
    timeline.executeUpdate();
  }

  /**
   * An alert (id {@code alertId}, apart from the incidents' own) that was resolved while pending at
   * {@code resolvedAt} and so opened nothing, with labels alertname, project and team.
   */
  void pendingNoise(long alertId, String project, String trigger, String team, long resolvedAt) throws SQLException {
    alert.setLong(1, alertId);
    alert.setString(2, project);
    alert.setString(3, String.format("%016x", alertId * 0x9E3779B97F4A7C15L));
    alert.setString(4, String.format("%016x", alertId * 0xC2B2AE3D27D4EB4FL));
    alert.setString(5, "ok");
    alert.setInt(6, 2);
    alert.setString(7, trigger);
    alert.setString(8, "{\"alertname\":\"" + trigger + "\",\"project\":\"" + project + "\",\"team\":\"" + team
        + "\"}");
    alert.setString(9, "{project=\"" + project + "\",alertname=\"" + trigger + "\"}");
    alert.setLong(10, resolvedAt - 30_000);
    alert.setLong(11, resolvedAt);
    alert.setNull(12, Types.INTEGER);
    alert.executeUpdate();
    String[][] labels = {{"alertname", trigger}, {"project", project}, {"team", team}};
    for (String[] l : labels) {
      label.setString(1, l[0]);
      label.setString(2, l[1]);
      label.setLong(3, alertId);
      label.executeUpdate();
    }
    pendingNoise.setLong(1, resolvedAt);
    pendingNoise.setLong(2, alertId);
    pendingNoise.setString(3, project);
    pendingNoise.setString(4, trigger);
    pendingNoise.executeUpdate();
  }

  void add(Postmortem p) throws SQLException {
    postmortem.setLong(1, p.id());
    postmortem.setString(2, "Post-mortem " + p.id());
    time(postmortem, 3, p.failureStart());
    time(postmortem, 4, p.failureEnd());
    postmortem.setString(5, p.trigger());
    postmortem.setString(6, p.detection());
    postmortem.setString(7, p.damage());
    postmortem.setString(8, p.alertWouldHave());
    postmortem.setString(9, p.alertKind());
    postmortem.executeUpdate();
    for (long i : p.incidents()) {
      covers.setLong(1, i);
      covers.setLong(2, p.id());
      covers.executeUpdate();
    }
  }

  void commit() throws SQLException {
    c.commit();
  }

  private static void time(PreparedStatement ps, int index, long ms) throws SQLException {
    if (ms == 0) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, ms);
    }
  }

  @Override
  public void close() throws SQLException {
    c.commit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    c.close();
  }
}
