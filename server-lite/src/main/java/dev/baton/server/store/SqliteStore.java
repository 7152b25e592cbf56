package dev.baton.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.alert.Alert;
import dev.baton.server.alert.AlertKey;
import dev.baton.server.alert.AlertState;
import dev.baton.server.alert.Fingerprint;
import dev.baton.server.incident.Holding;
import dev.baton.server.incident.Incident;
import dev.baton.server.incident.IncidentStatus;
import dev.baton.server.heartbeat.SourceState;
import dev.baton.server.policy.SnoozeRule;
import dev.baton.server.incident.SnoozeTerms;
import dev.baton.server.ingest.Event;
import dev.baton.server.policy.Escalations;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Severity;
import dev.baton.server.policy.SlaClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * SQLite in WAL mode through sqlite-jdbc. One connection, used by the writer thread; every
 * statement is prepared once and reused.
 */
public final class SqliteStore implements Store {

  /** How SQLite makes a commit durable; see docs/server.md. */
  public enum Synchronous {
    /** Survives a killed process; the last commits may be lost on power loss. */
    NORMAL,
    /** Survives power loss too: every commit waits for fsync. */
    FULL
  }

  private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The relay-baton columns {@link Transaction#updateIncident} writes, bound by {@link #bindWorkflow}. */
  private static final String WORKFLOW_SET = "holder = ?, assignee = ?, taken_at = ?, snoozed_at = ?,"
      + " snoozed_until = ?, snooze_forever = ?, snooze_close_if_ok = ?, snoozed_by = ?, snooze_comment = ?,"
      + " updated_at = ?";
  private static final String WORKFLOW_COLUMNS = "holder, assignee, taken_at, snoozed_at, snoozed_until,"
      + " snooze_forever, snooze_close_if_ok, snoozed_by, snooze_comment, updated_at";
  private static final String ALERT_COLUMNS = "id, project, fingerprint, kind, state, severity, first_seen, last_seen,"
      + " expires_at, pending_until, refresh_ms, period_start, fire_count, resolved_while_pending,"
      + " incident_id, grouping_key, trigger, labels_hash, annotations_hash";

  private final Path file;
  private final Connection connection;
  private final Checkpointer checkpointer;
  /*
   * Rows only appended by the writer (messages, events, new alerts and their labels, incident
   * members, timeline entries) wait in PendingRows and go in with multi-row statements: before
   * the commit, and before any other statement or lookup on the writer's connection, so that
   * statement sees them as if each had been inserted at once (writePending).
   */
  private final PendingRows messages;
  private final PendingRows events;
  private final PendingRows alerts;
  private final PendingRows alertLabels;
  private final PendingRows incidentAlerts;
  private final PendingRows timeline;
  /** All of the above, in the order {@link #writePending} writes them. */
  private final List<PendingRows> pending;
  private final PreparedStatement updateAlertLabels;
  private final PreparedStatement selectAlertLabels;
  private final PreparedStatement deleteAlertLabel;
  private final PreparedStatement updateAlert;
  private final PreparedStatement touchAlert;
  private final PreparedStatement insertPeriod;
  private final PreparedStatement insertPendingNoise;
  private final PreparedStatement selectAlertAnnotations;
  private final PreparedStatement escalationProgress;
  private final PreparedStatement insertIncident;
  private final PreparedStatement updateIncident;
  private final PreparedStatement touchIncident;
  /**
   * Per open incident, the columns {@link #updateIncident} last wrote other than state, member count,
   * version and update time: while they stay the same, {@link #touchIncident} writes only those four
   * and SQLite leaves the incident indexes (status, severity, due time, open key) alone.
   */
  private final Map<Long, WrittenIncident> writtenIncidents = new HashMap<>();
  private final PreparedStatement selectAlert;
  private final PreparedStatement lastIncident;
  private final PreparedStatement selectByDedupKey;
  private final PreparedStatement selectIncident;
  private final PreparedStatement appendHolder;
  private final PreparedStatement describeIncident;
  private final PreparedStatement touchClosedIncident;
  private long nextMessageId;
  private final Clock clock;
  private final ChangeLog changeLog;
  private final CardCounts cardCounts;
  private final SnoozeRuleTable snoozeRules;
  private final SourceTable sources;
  private final PreparedStatement selectIncidentLabels;
  private volatile LongConsumer changesCommitted = lastId -> { };

  private SqliteStore(Path file, Connection c, Checkpointer checkpointer, Clock clock, ChangeLogRetention retention)
      throws SQLException {
    this.file = file;
    this.connection = c;
    this.checkpointer = checkpointer;
    this.clock = clock;
    this.changeLog = new ChangeLog(c, retention);
    this.cardCounts = new CardCounts(c);
    this.snoozeRules = new SnoozeRuleTable(c);
    this.sources = new SourceTable(c);
    this.selectIncidentLabels = c.prepareStatement(
        "SELECT a.labels FROM incident_alerts ia JOIN alerts a ON a.id = ia.alert_id WHERE ia.incident_id = ?");
    messages = new PendingRows(c, "INSERT OR FAIL INTO messages (id, received_at, source, endpoint, client,"
        + " content_type, body, alerts) VALUES ", 8, "", 64);
    events = new PendingRows(c, "INSERT OR FAIL INTO events (message_id, alert_id, kind, status, starts_at, ends_at)"
        + " VALUES ", 6, "", 64);
    alerts = new PendingRows(c, "INSERT OR FAIL INTO alerts (" + ALERT_COLUMNS
        + ", am_fingerprint, labels, annotations, source, dedup_key, generator_url) VALUES ", 25, "", 32);
    alertLabels = new PendingRows(c, "INSERT OR IGNORE INTO alert_labels (name, value, alert_id) VALUES ", 3, "", 64);
    incidentAlerts = new PendingRows(c, "INSERT OR IGNORE INTO incident_alerts (incident_id, alert_id, joined_at)"
        + " VALUES ", 3, "", 64);
    timeline = new PendingRows(c, "INSERT OR FAIL INTO timeline (incident_id, at, actor, kind, detail) VALUES ", 5, "",
        64);
    pending = List.of(messages, alerts, alertLabels, events, incidentAlerts, timeline);
    updateAlertLabels = c.prepareStatement(
        "UPDATE alerts SET am_fingerprint = ?, trigger = ?, labels = ?, annotations = ?, generator_url = ?,"
            + " grouping_key = ?, labels_hash = ?, annotations_hash = ? WHERE id = ?");
    selectAlertLabels = c.prepareStatement("SELECT labels, incident_id FROM alerts WHERE id = ?");
    selectAlertAnnotations = c.prepareStatement("SELECT annotations FROM alerts WHERE id = ?");
    deleteAlertLabel = c.prepareStatement("DELETE FROM alert_labels WHERE name = ? AND value = ? AND alert_id = ?");
    updateAlert = c.prepareStatement("UPDATE alerts SET state = ?, severity = ?, last_seen = ?, expires_at = ?,"
        + " pending_until = ?, refresh_ms = ?, period_start = ?, fire_count = ?,"
        + " resolved_while_pending = ?, incident_id = ? WHERE id = ?");
    // no indexed column: SQLite leaves every index of alerts alone
    touchAlert = c.prepareStatement("UPDATE alerts SET last_seen = ?, expires_at = ? WHERE id = ?");
    insertPendingNoise = c.prepareStatement(
        "INSERT INTO pending_noise (resolved_at, alert_id, project, trigger) VALUES (?,?,?,?)");
    escalationProgress = c.prepareStatement("UPDATE incidents SET escalation_team = ?, escalation_next = ?,"
        + " escalation_due_at = ?, escalation_holder = ? WHERE id = ?");
    insertPeriod = c.prepareStatement(
        "INSERT INTO firing_periods (alert_id, started_at, ended_at, ended_by) VALUES (?,?,?,?)");
    insertIncident = c.prepareStatement("INSERT INTO incidents (id, project, grouping_key, trigger, status, state,"
        + " severity, service_level, sla_class, response_due_at, opened_at, closed_at, previous_id, alert_count,"
        + " version, holder, holder_chain, updated_at, periods_in_progress)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,json_array(?),?,?)");
    updateIncident = c.prepareStatement("UPDATE incidents SET status = ?, state = ?, severity = ?, sla_class = ?,"
        + " response_due_at = ?, closed_at = ?, alert_count = ?, version = ?, " + WORKFLOW_SET
        + ", periods_in_progress = periods_in_progress + ? WHERE id = ?");
    // the periods in progress that new alerts of this transaction add (CardCounts), in the same row write
    touchIncident = c.prepareStatement("UPDATE incidents SET state = ?, alert_count = ?, version = ?, updated_at = ?,"
        + " periods_in_progress = periods_in_progress + ? WHERE id = ?");
    appendHolder = c.prepareStatement("UPDATE incidents SET holder_chain = json_insert(holder_chain, '$[#]', ?)"
        + " WHERE id = ?");
    describeIncident = c.prepareStatement("UPDATE incidents SET short_description = coalesce(?, short_description),"
        + " long_description = coalesce(?, long_description) WHERE id = ?");
    touchClosedIncident = c.prepareStatement("UPDATE incidents SET version = ?, updated_at = ? WHERE id = ?");
    selectIncident = c.prepareStatement("SELECT status, version, holder FROM incidents WHERE id = ?");
    selectAlert = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE project = ? AND fingerprint = ?");
    selectByDedupKey = c.prepareStatement("SELECT project, fingerprint FROM alerts INDEXED BY alerts_dedup_key"
        + " WHERE project = ? AND dedup_key = ? AND dedup_key IS NOT NULL ORDER BY id DESC LIMIT 1");
    lastIncident = c.prepareStatement(
        "SELECT id FROM incidents WHERE grouping_key = ? ORDER BY opened_at DESC, id DESC LIMIT 1");
  }

  /**
   * Opens (creating if needed) the database file, switches it to WAL and applies migrations.
   *
   * @throws StoreException with a message naming the file and the reason
   */
  public static SqliteStore open(Path file, Synchronous synchronous) {
    return open(file, synchronous, Clock.systemUTC(), ChangeLogRetention.DEFAULT);
  }

  /**
   * As {@link #open(Path, Synchronous)}, with the clock that stamps and ages change-log rows and
   * how many of them are kept.
   */
  public static SqliteStore open(Path file, Synchronous synchronous, Clock clock, ChangeLogRetention retention) {
    Path absolute = file.toAbsolutePath();
    try {
      Path dir = absolute.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder for database " + absolute + ": " + e.getMessage(), e);
    }
    if (Files.exists(absolute) && (!Files.isReadable(absolute) || !Files.isWritable(absolute))) {
      throw new StoreException("database " + absolute + " is not readable and writable by this user");
    }
    Connection c = null;
    try {
      SQLiteConfig driver = new SQLiteConfig();
      driver.setGetGeneratedKeys(false); // ids are allocated by the writer; asking SQLite back costs a query per insert
      c = DriverManager.getConnection("jdbc:sqlite:" + absolute, driver.toProperties());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
          if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
            throw new StoreException("database " + absolute + ": cannot switch to WAL journal mode");
          }
        }
        s.execute("PRAGMA synchronous = " + synchronous.name());
        s.execute("PRAGMA foreign_keys = OFF");
        s.execute("PRAGMA temp_store = MEMORY");
        s.execute("PRAGMA cache_size = -32768");
        // checkpoints run on their own connection and thread (Checkpointer), not inside the writer's commits
        s.execute("PRAGMA wal_autocheckpoint = 0");
      }
      c.setAutoCommit(false);
      Migrations.apply(c, absolute.toString());
      return new SqliteStore(absolute, c, new Checkpointer(absolute, synchronous), clock, retention);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new StoreException("cannot open database " + absolute + ": " + describe(e), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public HotState loadHotState() {
    try {
      // active members counted from the alerts_state index, without reading the alerts themselves
      Map<Long, int[]> members = new HashMap<>();
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT incident_id, state, count(*) FROM alerts INDEXED BY alerts_state"
              + " WHERE state IN ('firing', 'pending', 'unknown') AND incident_id IS NOT NULL GROUP BY incident_id, state")) {
        while (rs.next()) {
          members.computeIfAbsent(rs.getLong(1), k -> Incident.noMembers())[AlertState.fromWire(rs.getString(2)).ordinal()]
              += rs.getInt(3);
        }
      }
      List<Incident> open = new ArrayList<>();
      Map<Long, Escalations.Progress> escalations = new HashMap<>();
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT id, project, grouping_key, trigger, opened_at, previous_id, service_level, status, closed_at,"
              + " severity, sla_class, response_due_at, alert_count, version, state, " + WORKFLOW_COLUMNS
              + ", escalation_team, escalation_next, escalation_due_at, escalation_holder"
              + " FROM incidents WHERE closed_at IS NULL")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          int alertCount = rs.getInt(13);
          IncidentStatus status = IncidentStatus.fromWire(rs.getString(8));
          SnoozeTerms snooze = status != IncidentStatus.SNOOZED ? null : new SnoozeTerms(rs.getLong(19),
              rs.getLong(20), rs.getInt(21) != 0, rs.getInt(22) != 0, rs.getString(23), rs.getString(24));
          String holder = rs.getString(16);
          open.add(new Incident(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
              ServiceLevel.parse(rs.getString(7)), status, rs.getLong(9),
              Severity.of(rs.getInt(10)), SlaClass.valueOf(rs.getString(11).toUpperCase(Locale.ROOT)), rs.getLong(12),
              alertCount, rs.getLong(14), withInactive(members.get(id), alertCount, rs.getString(15) != null),
              new Holding(holder == null ? Holding.DEFAULT_HOLDER : holder, rs.getString(17), rs.getLong(18)), snooze,
              rs.getLong(25)));
          if (rs.getString(29) != null) {
            escalations.put(id, new Escalations.Progress(rs.getString(26), rs.getInt(27), rs.getLong(28),
                rs.getString(29)));
          }
        }
      }
      Map<String, Long> byState = new HashMap<>();
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT coalesce(state, 'instant'), count(*) FROM alerts GROUP BY state")) {
        while (rs.next()) {
          byState.put(rs.getString(1), rs.getLong(2));
        }
      }
      Map<String, Long> closed = new HashMap<>();
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT sla_class, count(*) FROM incidents WHERE closed_at IS NOT NULL GROUP BY sla_class")) {
        while (rs.next()) {
          closed.put(rs.getString(1), rs.getLong(2));
        }
      }
      long nextAlert = nextId("alerts");
      long nextIncident = nextId("incidents");
      nextMessageId = nextId("messages");
      changeLog.reloadNextId();
      connection.commit();
      return new HotState(open, nextAlert, nextIncident, nextMessageId, byState, closed, escalations);
    } catch (SQLException e) {
      rollbackQuietly();
      throw new StoreException("database " + file + ": cannot load state: " + describe(e), e);
    }
  }

  /**
   * Member counts of an open incident: the active ones as counted, the others (alert count minus
   * active) as ok when the incident ever had a state, else as instant. Which of the two an inactive
   * member is only shows when no member is active, and then the stored state tells.
   */
  private static int[] withInactive(int[] active, int alertCount, boolean hasState) {
    int[] m = active == null ? Incident.noMembers() : active;
    int inactive = alertCount - m[AlertState.FIRING.ordinal()] - m[AlertState.PENDING.ordinal()]
        - m[AlertState.UNKNOWN.ordinal()];
    if (inactive > 0) {
      m[hasState ? AlertState.OK.ordinal() : AlertState.values().length] += inactive;
    }
    return m;
  }

  @Override
  public List<Alert> loadActiveAlerts() {
    SQLiteConfig driver = new SQLiteConfig();
    driver.setReadOnly(true);
    driver.setBusyTimeout(5000);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, driver.toProperties());
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT " + ALERT_COLUMNS + " FROM alerts"
             + " WHERE state IN ('firing', 'pending', 'unknown')")) {
      List<Alert> alerts = new ArrayList<>();
      while (rs.next()) {
        alerts.add(alert(rs));
      }
      return alerts;
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot load active alerts: " + describe(e), e);
    }
  }

  @Override
  public Alert loadAlert(AlertKey key) {
    try {
      writePending();
      selectAlert.setString(1, key.project());
      selectAlert.setString(2, Fingerprint.hex(key.fingerprint()));
      try (ResultSet rs = selectAlert.executeQuery()) {
        return rs.next() ? alert(rs) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read alert " + key + ": " + describe(e), e);
    }
  }

  @Override
  public AlertKey findByDedupKey(String project, String dedupKey) {
    try {
      writePending();
      selectByDedupKey.setString(1, project);
      selectByDedupKey.setString(2, dedupKey);
      try (ResultSet rs = selectByDedupKey.executeQuery()) {
        return rs.next() ? new AlertKey(rs.getString(1), Long.parseUnsignedLong(rs.getString(2), 16)) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot find the alert of dedup key " + dedupKey + ": "
          + describe(e), e);
    }
  }

  @Override
  public long lastIncidentId(String groupingKey) {
    try {
      writePending();
      lastIncident.setString(1, groupingKey);
      try (ResultSet rs = lastIncident.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read incidents: " + describe(e), e);
    }
  }

  @Override
  public StoredIncident storedIncident(long id) {
    try {
      writePending();
      selectIncident.setLong(1, id);
      try (ResultSet rs = selectIncident.executeQuery()) {
        return rs.next() ? new StoredIncident(id, IncidentStatus.fromWire(rs.getString(1)), rs.getLong(2),
            rs.getString(3)) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read incident " + id + ": " + describe(e), e);
    }
  }

  @Override
  public Map<String, String> alertLabels(long alertId) {
    return alertMap(selectAlertLabels, alertId);
  }

  @Override
  public Map<String, String> alertAnnotations(long alertId) {
    return alertMap(selectAlertAnnotations, alertId);
  }

  /** One of an alert's JSON maps (labels or annotations) read by {@code select}; empty when there is no such alert. */
  private Map<String, String> alertMap(PreparedStatement select, long alertId) {
    try {
      writePending();
      select.setLong(1, alertId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? labelsOf(rs.getString(1)) : Map.of();
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read alert " + alertId + ": " + describe(e), e);
    }
  }

  @Override
  public List<Map<String, String>> incidentLabels(long incidentId) {
    try {
      writePending();
      selectIncidentLabels.setLong(1, incidentId);
      List<Map<String, String>> labels = new ArrayList<>();
      try (ResultSet rs = selectIncidentLabels.executeQuery()) {
        while (rs.next()) {
          labels.add(labelsOf(rs.getString(1)));
        }
      }
      return labels;
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read incident " + incidentId + ": " + describe(e), e);
    }
  }

  @Override
  public List<SnoozeRule> activeSnoozeRules() {
    try {
      writePending();
      return snoozeRules.active();
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read snooze rules: " + describe(e), e);
    }
  }

  @Override
  public List<SourceState> loadSources() {
    try {
      writePending();
      return sources.all();
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read sources: " + describe(e), e);
    }
  }

  @Override
  public List<AlertKey> firingAlerts(String source) {
    try {
      writePending();
      return sources.firing(source);
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": cannot read the alerts of source " + source + ": "
          + describe(e), e);
    }
  }

  @Override
  public StoreTransaction begin() {
    try {
      changeLog.pruneIfDue(clock.millis());
    } catch (SQLException e) {
      // the log stays a little longer; the changes of the coming transaction are unaffected
      rollbackQuietly();
      LOG.warn("database {}: pruning the change log failed: {}", file, describe(e));
    }
    return new Transaction();
  }

  /**
   * Tells {@code listener}, on the writer thread right after each commit that changed incidents
   * or alerts, the id of the last change-log row it wrote. The listener must not block.
   */
  public void onChangesCommitted(LongConsumer listener) {
    this.changesCommitted = listener;
  }

  @Override
  public void close() {
    checkpointer.close();
    try {
      rollbackQuietly();
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      } catch (SQLException ignored) {
        // another process may hold a read lock; the WAL is checkpointed on next open then
      }
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": close failed: " + describe(e), e);
    }
  }

  private Alert alert(ResultSet rs) throws SQLException {
    String state = rs.getString(5);
    return new Alert(rs.getLong(1), new AlertKey(rs.getString(2), Long.parseUnsignedLong(rs.getString(3), 16)),
        Event.Kind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getLong(7),
        state == null ? null : AlertState.fromWire(state), Severity.of(rs.getInt(6)), rs.getLong(8), rs.getLong(9),
        rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getInt(13), rs.getInt(14), rs.getLong(15),
        rs.getString(16), rs.getString(17), rs.getLong(18), rs.getLong(19));
  }

  private long nextId(String table) throws SQLException {
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
      return rs.getLong(1);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // nothing to roll back, or the connection is gone; the caller reports the original failure
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // reporting the original failure matters more
      }
    }
  }

  private static String describe(SQLException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static Map<String, String> labelsOf(String json) {
    try {
      return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("stored labels are not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /** Binds the {@link #WORKFLOW_SET} columns from {@code index} on. */
  private static void bindWorkflow(PreparedStatement p, int index, Incident i) throws SQLException {
    Holding h = i.holding();
    SnoozeTerms z = i.snooze();
    p.setString(index, h.holder());
    p.setString(index + 1, h.assignee());
    setTime(p, index + 2, h.takenAt());
    setTime(p, index + 3, z == null ? 0 : z.at());
    setTime(p, index + 4, z == null ? 0 : z.until());
    p.setInt(index + 5, z != null && z.forever() ? 1 : 0);
    p.setInt(index + 6, z != null && z.closeIfOk() ? 1 : 0);
    p.setString(index + 7, z == null ? null : z.by());
    p.setString(index + 8, z == null ? null : z.comment());
    setTime(p, index + 9, i.updatedAt());
  }

  /** What {@link #touchIncident} leaves as it was. */
  private record WrittenIncident(IncidentStatus status, Severity severity, SlaClass slaClass, long responseDueAt,
      Holding holding, SnoozeTerms snooze) {
    static WrittenIncident of(Incident i) {
      return new WrittenIncident(i.status(), i.severity(), i.slaClass(), i.responseDueAt(), i.holding(), i.snooze());
    }
  }

  /**
   * Writes the rows waiting in {@link PendingRows}: a table's rows in the order they were added,
   * the tables in the order they refer to each other (a message before its events, an alert before
   * its labels and memberships).
   */
  private void writePending() throws SQLException {
    for (PendingRows rows : pending) {
      if (!rows.isEmpty()) {
        rows.write();
      }
    }
  }

  private void discardPending() {
    for (PendingRows rows : pending) {
      rows.discard();
    }
  }

  /** A time column's value: null for 0 (not set). */
  private static Long time(long millis) {
    return millis == 0 ? null : millis;
  }

  private static void setTime(PreparedStatement p, int index, long millis) throws SQLException {
    if (millis == 0) {
      p.setNull(index, Types.INTEGER);
    } else {
      p.setLong(index, millis);
    }
  }

  private final class Transaction implements StoreTransaction {

    private boolean done;

    @Override
    public long insertMessage(long receivedAt, String source, String endpoint, String client, String contentType,
        byte[] body, int alerts) {
      long id = nextMessageId;
      messages.add(id, receivedAt, source, endpoint, client, contentType, body, alerts);
      nextMessageId++;
      return id;
    }

    @Override
    public void insertEvent(long messageId, long alertId, Event event) {
      events.add(messageId, alertId, event.kind().wire(), event.status().wire(),
          event.startsAt() == null ? null : event.startsAt().toEpochMilli(),
          event.endsAt() == null ? null : event.endsAt().toEpochMilli());
    }

    @Override
    public void insertAlert(Alert a, Event event, String source, long amFingerprint) {
      alerts.add(a.id(), a.key().project(), Fingerprint.hex(a.key().fingerprint()), a.kind().wire(),
          a.state() == null ? null : a.state().wire(), a.severity().level(), a.firstSeen(), a.lastSeen(),
          time(a.expiresAt()), time(a.pendingUntil()), time(a.refreshMillis()), time(a.periodStart()), a.fireCount(),
          a.resolvedWhilePending(), time(a.incidentId()), a.groupingKey(), a.trigger(), a.labelsHash(),
          a.annotationsHash(), Fingerprint.hex(amFingerprint), JsonColumn.object(event.labels()),
          JsonColumn.object(event.annotations()), source, event.dedupKey(), event.generatorUrl());
      insertLabels(a.id(), event.labels());
      cardCounts.addLabels(a.incidentId(), event.labels(), 1);
      cardCounts.addAlert(a.incidentId(), a.trigger(), a.periodStart() != 0);
      changeLog.alert(a.id(), "created");
    }

    @Override
    public void updateAlertLabels(Alert a, Event event, long amFingerprint) {
      run(() -> {
        selectAlertLabels.setLong(1, a.id());
        String old = null;
        long storedIncident = 0;
        try (ResultSet rs = selectAlertLabels.executeQuery()) {
          if (rs.next()) {
            old = rs.getString(1);
            storedIncident = rs.getLong(2);
          }
        }
        if (old != null) {
          Map<String, String> oldLabels = labelsOf(old);
          // the incident the row names now: one this alert joins in this transaction gets its labels
          // as stored when the row moves there (trigger card_alert_joined)
          cardCounts.addLabels(storedIncident, oldLabels, -1);
          cardCounts.addLabels(storedIncident, event.labels(), 1);
          for (Map.Entry<String, String> l : oldLabels.entrySet()) {
            deleteAlertLabel.setString(1, l.getKey());
            deleteAlertLabel.setString(2, l.getValue());
            deleteAlertLabel.setLong(3, a.id());
            deleteAlertLabel.executeUpdate();
          }
        }
        updateAlertLabels.setString(1, Fingerprint.hex(amFingerprint));
        updateAlertLabels.setString(2, event.labels().get("alertname"));
        updateAlertLabels.setString(3, JsonColumn.object(event.labels()));
        updateAlertLabels.setString(4, JsonColumn.object(event.annotations()));
        updateAlertLabels.setString(5, event.generatorUrl());
        updateAlertLabels.setString(6, a.groupingKey());
        updateAlertLabels.setLong(7, a.labelsHash());
        updateAlertLabels.setLong(8, a.annotationsHash());
        updateAlertLabels.setLong(9, a.id());
        updateAlertLabels.executeUpdate();
      });
      insertLabels(a.id(), event.labels());
      changeLog.alert(a.id(), ChangeLog.UPDATED);
    }

    private void insertLabels(long alertId, Map<String, String> labels) {
      for (Map.Entry<String, String> l : labels.entrySet()) {
        alertLabels.add(l.getKey(), l.getValue(), alertId);
      }
    }

    @Override
    public void updateAlert(Alert a) {
      run(() -> {
        PreparedStatement p = updateAlert;
        p.setString(1, a.state() == null ? null : a.state().wire());
        p.setInt(2, a.severity().level());
        p.setLong(3, a.lastSeen());
        setTime(p, 4, a.expiresAt());
        setTime(p, 5, a.pendingUntil());
        setTime(p, 6, a.refreshMillis());
        setTime(p, 7, a.periodStart());
        p.setInt(8, a.fireCount());
        p.setInt(9, a.resolvedWhilePending());
        setTime(p, 10, a.incidentId());
        p.setLong(11, a.id());
        p.executeUpdate();
      });
      changeLog.alert(a.id(), ChangeLog.UPDATED);
    }

    @Override
    public void touchAlert(Alert a) {
      run(() -> {
        touchAlert.setLong(1, a.lastSeen());
        setTime(touchAlert, 2, a.expiresAt());
        touchAlert.setLong(3, a.id());
        touchAlert.executeUpdate();
      });
    }

    @Override
    public void insertPeriod(long alertId, long startedAt, long endedAt, String endedBy) {
      run(() -> {
        insertPeriod.setLong(1, alertId);
        insertPeriod.setLong(2, startedAt);
        insertPeriod.setLong(3, endedAt);
        insertPeriod.setString(4, endedBy);
        insertPeriod.executeUpdate();
      });
    }

    @Override
    public void insertPendingNoise(Alert a, long resolvedAt) {
      run(() -> {
        insertPendingNoise.setLong(1, resolvedAt);
        insertPendingNoise.setLong(2, a.id());
        insertPendingNoise.setString(3, a.key().project());
        insertPendingNoise.setString(4, a.trigger());
        insertPendingNoise.executeUpdate();
      });
    }

    @Override
    public void insertIncident(Incident i) {
      run(() -> {
        PreparedStatement p = insertIncident;
        p.setLong(1, i.id());
        p.setString(2, i.project());
        p.setString(3, i.groupingKey());
        p.setString(4, i.trigger());
        p.setString(5, i.status().wire());
        p.setString(6, i.state() == null ? null : i.state().wire());
        p.setInt(7, i.severity().level());
        p.setString(8, i.serviceLevel().display());
        p.setString(9, i.slaClass().wire());
        setTime(p, 10, i.responseDueAt());
        p.setLong(11, i.openedAt());
        setTime(p, 12, i.closedAt());
        setTime(p, 13, i.previousId());
        p.setInt(14, i.alertCount());
        p.setLong(15, i.version());
        p.setString(16, i.holding().holder());
        p.setString(17, i.holding().holder());
        p.setLong(18, i.updatedAt());
        p.setInt(19, cardCounts.takePeriods(i.id()));
        p.executeUpdate();
      });
      writtenIncidents.put(i.id(), WrittenIncident.of(i));
      changeLog.incident(i.id(), i.version(), "opened");
    }

    @Override
    public void updateIncident(Incident i) {
      WrittenIncident written = i.closedAt() == 0 ? WrittenIncident.of(i) : null;
      if (written != null && written.equals(writtenIncidents.get(i.id()))) {
        run(() -> {
          PreparedStatement p = touchIncident;
          p.setString(1, i.state() == null ? null : i.state().wire());
          p.setInt(2, i.alertCount());
          p.setLong(3, i.version());
          setTime(p, 4, i.updatedAt());
          p.setInt(5, cardCounts.takePeriods(i.id()));
          p.setLong(6, i.id());
          p.executeUpdate();
        });
        changeLog.incident(i.id(), i.version(), ChangeLog.UPDATED);
        return;
      }
      run(() -> {
        PreparedStatement p = updateIncident;
        p.setString(1, i.status().wire());
        p.setString(2, i.state() == null ? null : i.state().wire());
        p.setInt(3, i.severity().level());
        p.setString(4, i.slaClass().wire());
        setTime(p, 5, i.responseDueAt());
        setTime(p, 6, i.closedAt());
        p.setInt(7, i.alertCount());
        p.setLong(8, i.version());
        p.setInt(19, cardCounts.takePeriods(i.id()));
        p.setLong(20, i.id());
        bindWorkflow(p, 9, i);
        p.executeUpdate();
      });
      if (written == null) {
        writtenIncidents.remove(i.id());
      } else {
        writtenIncidents.put(i.id(), written);
      }
      changeLog.incident(i.id(), i.version(), i.closedAt() == 0 ? ChangeLog.UPDATED : "closed");
    }

    @Override
    public void escalationProgress(long incidentId, Escalations.Progress progress) {
      run(() -> {
        PreparedStatement p = escalationProgress;
        p.setString(1, progress == null ? null : progress.team());
        p.setObject(2, progress == null ? null : progress.next());
        p.setObject(3, progress == null ? null : progress.dueAt());
        p.setString(4, progress == null ? null : progress.holder());
        p.setLong(5, incidentId);
        p.executeUpdate();
      });
    }

    @Override
    public void appendHolder(long incidentId, String holder) {
      run(() -> {
        appendHolder.setString(1, holder);
        appendHolder.setLong(2, incidentId);
        appendHolder.executeUpdate();
      });
      changeLog.incident(incidentId, null, ChangeLog.UPDATED);
    }

    @Override
    public void describeIncident(long incidentId, String shortDescription, String longDescription) {
      run(() -> {
        describeIncident.setString(1, shortDescription);
        describeIncident.setString(2, longDescription);
        describeIncident.setLong(3, incidentId);
        describeIncident.executeUpdate();
      });
      changeLog.incident(incidentId, null, ChangeLog.UPDATED);
    }

    @Override
    public void touchClosedIncident(long incidentId, long version, long updatedAt) {
      run(() -> {
        touchClosedIncident.setLong(1, version);
        touchClosedIncident.setLong(2, updatedAt);
        touchClosedIncident.setLong(3, incidentId);
        touchClosedIncident.executeUpdate();
      });
      changeLog.incident(incidentId, version, ChangeLog.UPDATED);
    }

    @Override
    public void linkAlert(long incidentId, long alertId, long joinedAt) {
      incidentAlerts.add(incidentId, alertId, joinedAt);
    }

    @Override
    public void timeline(long incidentId, long at, String actor, String kind, String detailJson) {
      timeline.add(incidentId, at, actor, kind, detailJson);
      changeLog.incident(incidentId, null, kind);
    }

    @Override
    public <T> T sql(SqlWork<T> work) {
      try {
        writePending();
        return work.run(connection);
      } catch (SQLException e) {
        throw new StoreException("database " + file + ": write failed: " + describe(e), e);
      }
    }

    @Override
    public void commit() {
      long lastChange = 0;
      try {
        writePending();
        cardCounts.write();
        lastChange = changeLog.append(clock.millis());
      } catch (SQLException e) {
        throw new StoreException("database " + file + ": write failed: " + describe(e), e);
      }
      done = true;
      run(connection::commit);
      changeLog.committed();
      if (lastChange != 0) {
        changesCommitted.accept(lastChange);
      }
    }

    @Override
    public void rollback() {
      if (!done) {
        done = true;
        rollbackQuietly();
        discardPending();
        changeLog.discard();
        writtenIncidents.clear(); // what the rolled-back work wrote is gone: write in full again
        cardCounts.discard();
        try {
          nextMessageId = nextId("messages");
          changeLog.reloadNextId();
          connection.commit();
        } catch (SQLException e) {
          rollbackQuietly();
        }
      }
    }

    @Override
    public long insertSnoozeRule(String mql, long until, String comment, String author, long createdAt) {
      try {
        writePending();
        return snoozeRules.insert(mql, until, comment, author, createdAt);
      } catch (SQLException e) {
        throw new StoreException("database " + file + ": write failed: " + describe(e), e);
      }
    }

    @Override
    public void endSnoozeRule(long id, long endedAt) {
      run(() -> snoozeRules.end(id, endedAt));
    }

    @Override
    public void saveSources(List<SourceState> changed) {
      run(() -> sources.save(changed, nextMessageId - 1));
    }

    /** Runs a statement that is not one of the pending rows, after them. */
    private void run(SqlAction action) {
      try {
        writePending();
        action.run();
      } catch (SQLException e) {
        throw new StoreException("database " + file + ": write failed: " + describe(e), e);
      }
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }
}
