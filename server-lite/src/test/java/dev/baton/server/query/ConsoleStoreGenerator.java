package dev.baton.server.query;

import dev.baton.server.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a large store straight with SQL, for the console API benchmark: open incidents (distinct
 * grouping keys), closed ones linked through previous_id, their alerts with labels, firing periods
 * and timelines. The schema comes from the receiver's own migrations.
 *
 * <pre>
 * ConsoleStoreGenerator FILE [open=10000] [closed=100000] [alertsPerIncident=10]
 * </pre>
 */
public final class ConsoleStoreGenerator {

  static final int PROJECTS = 50;
  static final int TRIGGERS = 300;
  static final int TEAMS = 20;
  private static final long DAY = 86_400_000L;

  private final SplittableRandom random = new SplittableRandom(42);
  private final long now = System.currentTimeMillis();
  private long nextAlert = 1;
  private long nextTimeline = 1;
  private long nextPeriod = 1;

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ConsoleStoreGenerator FILE [open=10000] [closed=100000] [alertsPerIncident=10]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int open = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int closed = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int perIncident = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    long started = System.nanoTime();
    new ConsoleStoreGenerator().generate(file, open, closed, perIncident);
    System.out.printf("generated %s: %d open, %d closed incidents, %d alerts each, in %.1f s (%d MiB)%n", file, open,
        closed, perIncident, (System.nanoTime() - started) / 1e9, Files.size(file) >> 20);
  }

  void generate(Path file, int open, int closed, int perIncident) throws SQLException {
    if (open > PROJECTS * TRIGGERS) {
      throw new IllegalArgumentException("at most " + PROJECTS * TRIGGERS + " open incidents (one per grouping key)");
    }
    SqliteStore.open(file, SqliteStore.Synchronous.NORMAL).close(); // creates the schema
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA cache_size = -262144");
      }
      c.setAutoCommit(false);
      Inserts in = new Inserts(c);
      Map<String, Long> lastOfKey = new HashMap<>();
      // closed incidents in time order over the past year, so previous_id points back in time
      for (long id = 1; id <= closed; id++) {
        int project = random.nextInt(PROJECTS);
        int trigger = random.nextInt(TRIGGERS);
        long opened = now - 365 * DAY + (365 * DAY - DAY) * id / Math.max(1, closed);
        long ended = opened + 300_000 + random.nextLong(5 * 3_600_000L);
        incident(in, id, project, trigger, opened, ended, lastOfKey, perIncident);
        if (id % 10_000 == 0) {
          c.commit();
        }
      }
      List<Integer> keys = new ArrayList<>();
      for (int k = 0; k < PROJECTS * TRIGGERS; k++) {
        keys.add(k);
      }
      Collections.shuffle(keys, new java.util.Random(7));
      for (int i = 0; i < open; i++) {
        int key = keys.get(i);
        long opened = now - random.nextLong(DAY);
        incident(in, closed + 1L + i, key / TRIGGERS, key % TRIGGERS, opened, 0, lastOfKey, perIncident);
        if (i % 10_000 == 0) {
          c.commit();
        }
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
  }

  private void incident(Inserts in, long id, int project, int trigger, long opened, long closedAt,
      Map<String, Long> lastOfKey, int perIncident) throws SQLException {
    String projectName = String.format("p%02d", project);
    String triggerName = String.format("Trigger%03d", trigger);
    String key = "{project=\"" + projectName + "\",alertname=\"" + triggerName + "\"}";
    boolean isOpen = closedAt == 0;
    int severity = 1 + random.nextInt(9);
    String slaClass = severity <= 3 ? "urgent" : severity <= 6 ? "async" : "retro";
    long responseMs = severity <= 3 ? 300_000L * severity : 86_400_000L;
    String[] people = {"@alice", "@bob", "@carol", "@dave"};
    String taker = random.nextInt(3) == 0 ? null : people[random.nextInt(people.length)];
    String holder = taker == null ? "#l1" : taker;
    String chain = taker == null ? "[\"#l1\"]" : "[\"#l1\",\"" + taker + "\"]";
    boolean described = !isOpen && random.nextInt(10) == 0;
    String status = isOpen ? (taker == null ? "open" : "taken") : "closed";
    PreparedStatement p = in.incident;
    p.setLong(1, id);
    p.setString(2, projectName);
    p.setString(3, key);
    p.setString(4, triggerName);
    p.setString(5, status);
    p.setString(6, isOpen ? "firing" : "ok");
    p.setInt(7, severity);
    p.setString(8, "Gold");
    p.setString(9, slaClass);
    if (slaClass.equals("retro")) {
      p.setNull(10, java.sql.Types.INTEGER);
    } else {
      p.setLong(10, opened + responseMs);
    }
    p.setLong(11, opened);
    if (isOpen) {
      p.setNull(12, java.sql.Types.INTEGER);
    } else {
      p.setLong(12, closedAt);
    }
    Long previous = lastOfKey.put(key, id);
    if (previous == null) {
      p.setNull(13, java.sql.Types.INTEGER);
    } else {
      p.setLong(13, previous);
    }
    p.setInt(14, perIncident);
    p.setString(15, holder);
    p.setString(16, chain);
    p.setString(17, described ? "disk cleaned on " + projectName : null);
    p.setInt(18, isOpen ? perIncident : 0); // as the writer counts them (store.CardCounts): all firing
    p.executeUpdate();
    in.cardTrigger.setLong(1, id);
    in.cardTrigger.setString(2, triggerName);
    in.cardTrigger.setInt(3, perIncident);
    in.cardTrigger.executeUpdate();
    timeline(in, id, opened, "opened");
    if (!isOpen) {
      timeline(in, id, closedAt, "closed");
    }
    String team = String.format("team%02d", (project + trigger) % TEAMS);
    String sev = severity <= 2 ? "critical" : severity <= 5 ? "warning" : "info";
    for (int a = 0; a < perIncident; a++) {
      long alert = nextAlert++;
      String instance = String.format("host-%05d", random.nextInt(20_000));
      String labels = "{\"alertname\":\"" + triggerName + "\",\"instance\":\"" + instance + "\",\"project\":\""
          + projectName + "\",\"severity\":\"" + sev + "\",\"team\":\"" + team + "\"}";
      PreparedStatement q = in.alert;
      q.setLong(1, alert);
      q.setString(2, projectName);
      q.setString(3, String.format("%016x", alert * 0x9E3779B97F4A7C15L));
      q.setString(4, String.format("%016x", alert * 0xC2B2AE3D27D4EB4FL));
      q.setString(5, isOpen ? "firing" : "ok");
      q.setInt(6, severity);
      q.setString(7, triggerName);
      q.setString(8, labels);
      q.setString(9, "{\"summary\":\"" + triggerName + " on " + instance + "\"}");
      q.setString(10, key);
      q.setLong(11, opened);
      q.setLong(12, isOpen ? now : closedAt);
      if (isOpen) {
        q.setLong(13, opened); // the firing period in progress
      } else {
        q.setNull(13, java.sql.Types.INTEGER);
      }
      q.setLong(14, id);
      q.executeUpdate();
      String[][] pairs = {{"alertname", triggerName}, {"instance", instance}, {"project", projectName},
          {"severity", sev}, {"team", team}};
      for (String[] pair : pairs) {
        in.label.setString(1, pair[0]);
        in.label.setString(2, pair[1]);
        in.label.setLong(3, alert);
        in.label.executeUpdate();
        in.cardLabel.setLong(1, id); // as the writer counts them (store.CardCounts)
        in.cardLabel.setString(2, pair[0]);
        in.cardLabel.setString(3, pair[1]);
        in.cardLabel.executeUpdate();
      }
      in.member.setLong(1, id);
      in.member.setLong(2, alert);
      in.member.setLong(3, opened);
      in.member.executeUpdate();
      if (!isOpen) {
        in.period.setLong(1, nextPeriod++);
        in.period.setLong(2, alert);
        in.period.setLong(3, opened);
        in.period.setLong(4, closedAt);
        in.period.executeUpdate();
      }
    }
  }

  private void timeline(Inserts in, long incident, long at, String kind) throws SQLException {
    in.timeline.setLong(1, nextTimeline++);
    in.timeline.setLong(2, incident);
    in.timeline.setLong(3, at);
    in.timeline.setString(4, kind);
    in.timeline.executeUpdate();
  }

  /** The prepared inserts, one per table. */
  private static final class Inserts {
    final PreparedStatement incident;
    final PreparedStatement alert;
    final PreparedStatement label;
    final PreparedStatement cardLabel;
    final PreparedStatement cardTrigger;
    final PreparedStatement member;
    final PreparedStatement period;
    final PreparedStatement timeline;

    Inserts(Connection c) throws SQLException {
      incident = c.prepareStatement("INSERT INTO incidents (id, project, grouping_key, trigger, status, state, severity,"
          + " service_level, sla_class, response_due_at, opened_at, closed_at, previous_id, alert_count, holder,"
          + " holder_chain, short_description, periods_in_progress) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      alert = c.prepareStatement("INSERT INTO alerts (id, project, fingerprint, am_fingerprint, kind, state, severity,"
          + " trigger, labels, annotations, labels_hash, annotations_hash, grouping_key, source, first_seen, last_seen,"
          + " period_start, fire_count, incident_id) VALUES (?,?,?,?,'lasting',?,?,?,?,?,0,0,?,'generator',?,?,?,1,?)");
      label = c.prepareStatement("INSERT INTO alert_labels (name, value, alert_id) VALUES (?,?,?)");
      cardLabel = c.prepareStatement("INSERT INTO incident_card_labels (incident_id, name, value, alerts)"
          + " VALUES (?,?,?,1) ON CONFLICT (incident_id, name, value) DO UPDATE SET alerts = alerts + 1");
      cardTrigger = c.prepareStatement(
          "INSERT INTO incident_card_triggers (incident_id, trigger, alerts) VALUES (?,?,?)");
      member = c.prepareStatement("INSERT INTO incident_alerts (incident_id, alert_id, joined_at) VALUES (?,?,?)");
      period = c.prepareStatement("INSERT INTO firing_periods (id, alert_id, started_at, ended_at, ended_by)"
          + " VALUES (?,?,?,?,'resolved')");
      timeline = c.prepareStatement("INSERT INTO timeline (id, incident_id, at, actor, kind, detail)"
          + " VALUES (?,?,?,'generator',?,'{}')");
    }
  }
}
