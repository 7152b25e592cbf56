package dev.baton.server.query;

import dev.baton.api.model.Alert;
import dev.baton.api.model.FiringPeriod;
import dev.baton.api.model.FiringSummary;
import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.IncidentDetail;
import dev.baton.api.model.IncidentHistory;
import dev.baton.api.model.IncidentPage;
import dev.baton.api.model.OtherIncidents;
import dev.baton.api.model.PastIncident;
import dev.baton.api.model.SimilarGroup;
import dev.baton.api.model.SimilarIncidents;
import dev.baton.api.model.Snooze;
import dev.baton.api.model.Sla;
import dev.baton.api.model.TimelineEntry;
import dev.baton.mql.sql.SqlFragment;
import dev.baton.server.runbook.RunbookLibrary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The console's reads of incidents: lists, one incident, and its history, similar and other incidents. */
public final class IncidentQueries {

  private static final String CARD_COLUMNS = "i.id, i.project, i.grouping_key, i.trigger, i.status, i.state, i.severity,"
      + " i.service_level, i.sla_class, i.response_due_at, i.opened_at, i.closed_at, i.alert_count, i.version,"
      + " i.holder, i.holder_chain, i.assignee, i.short_description, i.long_description, i.snoozed_until,"
      + " i.snooze_forever, i.snooze_close_if_ok, i.snoozed_by, i.snooze_comment, i.periods_in_progress,"
      + " i.periods_ended, i.first_ended_start, i.first_ended_end, i.last_ended_start, i.last_ended_end";
  private static final String DESCRIBED = "((i.short_description IS NOT NULL AND i.short_description <> '')"
      + " OR (i.long_description IS NOT NULL AND i.long_description <> '')"
      + " OR EXISTS (SELECT 1 FROM postmortem_incidents pm WHERE pm.incident_id = i.id))";

  private final ReadConnections readers;
  private final Clock clock;
  private final RunbookCounts runbooks;

  /** @param runbooks the live runbook library, whose matches each card counts */
  public IncidentQueries(ReadConnections readers, Clock clock, Supplier<RunbookLibrary> runbooks) {
    this.readers = readers;
    this.clock = clock;
    this.runbooks = new RunbookCounts(runbooks);
  }

  /** The list's statement: its SQL with {@code ?} placeholders and what binds them (the page size last). */
  record ListStatement(String sql, List<Object> parameters, SqlFragment filter, IncidentOrder order) {

    /** Binds every parameter; the statement returns up to {@code rows} rows. */
    void bind(PreparedStatement ps, int rows) throws SQLException {
      int index = 1;
      for (Object p : parameters) {
        ps.setObject(index++, p);
      }
      index = filter.bind(ps, index);
      ps.setInt(index, rows);
    }
  }

  static ListStatement listStatement(ListRequest request) {
    IncidentOrder order = IncidentOrder.parse(request.sort());
    long[] after = request.cursor() == null ? null : order.decode(request.cursor());
    SqlFragment filter = MqlFilters.incidents("q", request.q());
    StringBuilder sql = new StringBuilder("SELECT ").append(CARD_COLUMNS).append(", ").append(order.keyList())
        .append(" FROM incidents i WHERE ");
    List<Object> params = new ArrayList<>();
    if (request.statuses().isEmpty()) {
      // both: the status lets SQLite narrow a project (incidents_project_status) to its active incidents
      // instead of reading its whole history; closed_at IS NULL matches incidents_open_urgency
      sql.append("i.status IN ('open', 'taken', 'snoozed') AND i.closed_at IS NULL");
    } else {
      sql.append("i.status IN (").append("?,".repeat(request.statuses().size() - 1)).append("?)");
      params.addAll(request.statuses());
      if (!request.statuses().contains("closed")) {
        sql.append(" AND i.closed_at IS NULL"); // lets SQLite read only the open incidents (incidents_open_urgency)
      }
    }
    if (request.slaClass() != null) {
      sql.append(" AND i.sla_class = ?");
      params.add(request.slaClass());
    }
    if (after != null) {
      sql.append(" AND (").append(order.keyList()).append(") > (").append("?,".repeat(after.length - 1)).append("?)");
      for (long v : after) {
        params.add(v);
      }
    }
    sql.append(" AND (").append(filter.sql()).append(") ORDER BY ").append(order.keyList()).append(" LIMIT ?");
    return new ListStatement(sql.toString(), params, filter, order);
  }

  /** One page of cards. */
  public IncidentPage list(ListRequest request) {
    ListStatement statement = listStatement(request);
    IncidentOrder order = statement.order();
    int keys = order.keys.length;
    return readers.read(c -> {
      Instant now = clock.instant();
      List<CardRow> rows = new ArrayList<>();
      long[] last = null;
      boolean more = false;
      try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
        statement.bind(ps, request.limit() + 1);
        try (ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            if (rows.size() == request.limit()) {
              more = true;
              break;
            }
            rows.add(cardRow(rs, now));
            last = new long[keys];
            for (int k = 0; k < keys; k++) {
              last[k] = rs.getLong(columns - keys + 1 + k);
            }
          }
        }
      }
      return new IncidentPage(cards(c, rows), more ? order.cursor(last) : null);
    });
  }

  /** One incident's card; {@link NotFound} when there is none. */
  public IncidentCard card(long id) {
    return readers.read(c -> cardById(c, id));
  }

  /** The card, alerts and timeline of an incident. */
  public IncidentDetail detail(long id) {
    return readers.read(c -> {
      IncidentCard card = cardById(c, id);
      List<Alert> alerts = AlertQueries.ofIncident(c, id);
      List<TimelineEntry> timeline = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, at, actor, kind, detail FROM timeline WHERE incident_id = ? ORDER BY at, id")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            timeline.add(new TimelineEntry(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("actor"),
                rs.getString("kind"), Rows.objectMap(rs.getString("detail"))));
          }
        }
      }
      return new IncidentDetail(card, alerts, timeline);
    });
  }

  /** Earlier incidents with the same grouping key, newest first. */
  public IncidentHistory history(long id, int limit) {
    return readers.read(c -> {
      Row self = row(c, id);
      String where = " FROM incidents i WHERE i.grouping_key = ? AND i.opened_at <= ? AND i.id <> ?";
      int total;
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where)) {
        bindHistory(ps, self);
        try (ResultSet rs = ps.executeQuery()) {
          total = rs.getInt(1);
        }
      }
      List<PastIncident> items = past(c, "SELECT " + CARD_COLUMNS + where
          + " ORDER BY i.opened_at DESC, i.id DESC LIMIT ?", ps -> {
            bindHistory(ps, self);
            ps.setInt(4, limit);
          });
      return new IncidentHistory(id, self.groupingKey, total, items);
    });
  }

  private static void bindHistory(PreparedStatement ps, Row self) throws SQLException {
    ps.setString(1, self.groupingKey);
    ps.setLong(2, self.openedAt);
    ps.setLong(3, self.id);
  }

  /** Incidents with the same trigger, in this project and in all projects. */
  public SimilarIncidents similar(long id, int limit) {
    return readers.read(c -> {
      Row self = row(c, id);
      if (self.trigger == null) {
        SimilarGroup none = new SimilarGroup(0, 0, List.of());
        return new SimilarIncidents(id, null, self.project, none, none);
      }
      SimilarGroup inProject = similarGroup(c, self, true, limit);
      SimilarGroup everywhere = similarGroup(c, self, false, limit);
      return new SimilarIncidents(id, self.trigger, self.project, inProject, everywhere);
    });
  }

  private SimilarGroup similarGroup(Connection c, Row self, boolean sameProject, int limit) throws SQLException {
    String where = " FROM incidents i WHERE i.trigger = ? AND i.id <> ?" + (sameProject ? " AND i.project = ?" : "");
    Binder bind = ps -> {
      ps.setString(1, self.trigger);
      ps.setLong(2, self.id);
      if (sameProject) {
        ps.setString(3, self.project);
      }
    };
    int total;
    int described;
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(sum(" + DESCRIBED + "), 0)" + where)) {
      bind.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        total = rs.getInt(1);
        described = rs.getInt(2);
      }
    }
    int limitIndex = sameProject ? 4 : 3;
    List<PastIncident> items = past(c, "SELECT " + CARD_COLUMNS + where + " ORDER BY i.opened_at DESC, i.id DESC LIMIT ?",
        ps -> {
          bind.bind(ps);
          ps.setInt(limitIndex, limit);
        });
    return new SimilarGroup(described, total, items);
  }

  /** What else is open in the incident's project, most urgent first. */
  public OtherIncidents others(long id, int limit) {
    return readers.read(c -> {
      Row self = row(c, id);
      String where = " FROM incidents i WHERE i.project = ? AND i.status IN ('open', 'taken', 'snoozed') AND i.id <> ?";
      int total;
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where)) {
        ps.setString(1, self.project);
        ps.setLong(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          total = rs.getInt(1);
        }
      }
      Instant now = clock.instant();
      List<CardRow> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + CARD_COLUMNS + where + " ORDER BY "
          + IncidentOrder.URGENCY.keyList() + " LIMIT ?")) {
        ps.setString(1, self.project);
        ps.setLong(2, id);
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(cardRow(rs, now));
          }
        }
      }
      return new OtherIncidents(id, self.project, total, cards(c, rows));
    });
  }

  /** The cards of these incidents by id, read on one connection; ids of no incident are left out. */
  public Map<Long, IncidentCard> cards(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return readers.read(c -> {
      Instant now = clock.instant();
      List<CardRow> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + CARD_COLUMNS + " FROM incidents i WHERE i.id IN ("
          + IdList.placeholders(ids.size()) + ")")) {
        IdList.bind(ps, ids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(cardRow(rs, now));
          }
        }
      }
      Map<Long, IncidentCard> cards = new HashMap<>();
      for (IncidentCard card : cards(c, rows)) {
        cards.put(card.id(), card);
      }
      return cards;
    });
  }

  private IncidentCard cardById(Connection c, long id) throws SQLException {
    CardRow row;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + CARD_COLUMNS + " FROM incidents i WHERE i.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("no incident " + id);
        }
        row = cardRow(rs, clock.instant());
      }
    }
    return cards(c, List.of(row)).get(0);
  }

  /**
   * The cards of these rows, in their order, with what their alerts add and the number of runbooks
   * that match each: a few statements for all of them (CardAggregates, RunbookCounts).
   */
  private List<IncidentCard> cards(Connection c, List<CardRow> rows) throws SQLException {
    List<Long> ids = new ArrayList<>(rows.size());
    List<Long> large = new ArrayList<>();
    List<Long> inProgress = new ArrayList<>();
    for (CardRow row : rows) {
      ids.add(row.card().id());
      if (row.card().alertCount() > CardAggregates.SCANNED_ALERTS) {
        large.add(row.card().id());
      }
      if (row.periodsInProgress() > 0) {
        inProgress.add(row.card().id());
      }
    }
    CardAggregates aggregates = CardAggregates.read(c, ids, large, inProgress);
    Map<Long, Integer> counts = runbooks.count(c, ids);
    List<IncidentCard> cards = new ArrayList<>(rows.size());
    for (CardRow row : rows) {
      cards.add(row.complete(aggregates, counts.getOrDefault(row.card().id(), 0)));
    }
    return cards;
  }

  /** The columns other reads need of the incident itself. */
  private record Row(long id, String project, String groupingKey, String trigger, long openedAt) {
  }

  private static Row row(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, project, grouping_key, trigger, opened_at FROM incidents WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFound("no incident " + id);
        }
        return new Row(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
      }
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<PastIncident> past(Connection c, String sql, Binder binder) throws SQLException {
    List<PastIncident> items = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant opened = Rows.instant(rs, "opened_at");
          Instant closed = Rows.instant(rs, "closed_at");
          List<String> chain = Rows.strings(rs.getString("holder_chain"));
          items.add(new PastIncident(rs.getLong("id"), rs.getString("project"), rs.getString("trigger"),
              Rows.severity(rs.getInt("severity")), rs.getString("status"), opened, closed,
              Duration.between(opened, closed == null ? clock.instant() : closed), chain, rs.getString("holder"),
              rs.getString("short_description"), rs.getString("long_description"), rs.getInt("alert_count")));
        }
      }
    }
    return items;
  }

  /**
   * An incident's own columns, read before what its alerts add: the card without triggers, labels
   * and periods in progress (its firing summary holds the ended periods only), the incident's own
   * trigger, and how many periods are in progress.
   */
  private record CardRow(IncidentCard card, String trigger, int periodsInProgress) {

    /** The card with its alerts' aggregates and its runbook count. */
    IncidentCard complete(CardAggregates aggregates, int runbookCount) {
      long id = card.id();
      TreeSet<String> triggers = aggregates.triggers(id);
      if (trigger != null) {
        triggers.add(trigger);
      }
      return new IncidentCard(id, card.project(), card.serviceLevel(), List.copyOf(triggers), card.severity(),
          card.holderChain(), card.holder(), card.assignee(), card.shortDescription(), card.longDescription(),
          card.status(), card.state(), card.alertCount(), firing(card.firing(), periodsInProgress,
          aggregates.periodsInProgress(id)), card.opened(), card.closed(), card.duration(), card.sla(), card.snooze(),
          runbookCount, aggregates.labels(id), card.version());
    }
  }

  /** The incident's own part of a card, from a row of {@link #CARD_COLUMNS}. */
  private static CardRow cardRow(ResultSet rs, Instant now) throws SQLException {
    long id = rs.getLong("id");
    Instant opened = Rows.instant(rs, "opened_at");
    Instant closed = Rows.instant(rs, "closed_at");
    String status = rs.getString("status");
    Long due = Rows.nullableLong(rs, "response_due_at");
    String slaClass = rs.getString("sla_class");
    Sla sla = due == null ? new Sla(slaClass, null, null, false)
        : new Sla(slaClass, Duration.between(opened, Instant.ofEpochMilli(due)), Instant.ofEpochMilli(due),
            "open".equals(status) && due < now.toEpochMilli());
    String state = rs.getString("state");
    IncidentCard card = new IncidentCard(id, rs.getString("project"), serviceLevel(rs.getString("service_level")),
        List.of(), Rows.severity(rs.getInt("severity")), Rows.strings(rs.getString("holder_chain")),
        rs.getString("holder"), rs.getString("assignee"), rs.getString("short_description"),
        rs.getString("long_description"), status, state == null ? "none" : state, rs.getInt("alert_count"),
        endedPeriods(rs), opened, closed, Duration.between(opened, closed == null ? now : closed), sla,
        snooze(rs, status), 0, Map.of(), rs.getLong("version"));
    return new CardRow(card, rs.getString("trigger"), rs.getInt("periods_in_progress"));
  }

  /** The snooze in force, from its columns; null unless snoozed. */
  private static Snooze snooze(ResultSet rs, String status) throws SQLException {
    if (!"snoozed".equals(status)) {
      return null;
    }
    return new Snooze(Rows.instant(rs, "snoozed_until"), rs.getInt("snooze_forever") != 0,
        rs.getInt("snooze_close_if_ok") != 0, rs.getString("snoozed_by"), rs.getString("snooze_comment"));
  }

  /** Platinum, Gold, Silver or None, as configuration files spell them. */
  private static String serviceLevel(String stored) {
    return stored == null || stored.isEmpty() ? "None"
        : stored.substring(0, 1).toUpperCase(Locale.ROOT) + stored.substring(1).toLowerCase(Locale.ROOT);
  }

  /** The firing periods that ended while their alert was in the incident, after it opened (the writer counts them). */
  private static FiringSummary endedPeriods(ResultSet card) throws SQLException {
    int ended = card.getInt("periods_ended");
    if (ended == 0) {
      return null;
    }
    return new FiringSummary(new FiringPeriod(Rows.instant(card, "first_ended_start"),
        Rows.instant(card, "first_ended_end")), ended, new FiringPeriod(Rows.instant(card, "last_ended_start"),
        Rows.instant(card, "last_ended_end")));
  }

  /**
   * First, count and last of the incident's firing periods: the ended ones and those in progress
   * ({@code inProgressStarts}: the earliest and latest start, epoch ms).
   */
  private static FiringSummary firing(FiringSummary ended, int inProgress, long[] inProgressStarts) {
    if (inProgress == 0 || inProgressStarts == null) {
      return ended;
    }
    FiringPeriod first = ended == null ? null : ended.first();
    FiringPeriod last = ended == null ? null : ended.last();
    if (first == null || inProgressStarts[0] < first.start().toEpochMilli()) {
      first = new FiringPeriod(Instant.ofEpochMilli(inProgressStarts[0]), null);
    }
    if (last == null || inProgressStarts[1] >= last.start().toEpochMilli()) {
      last = new FiringPeriod(Instant.ofEpochMilli(inProgressStarts[1]), null);
    }
    return new FiringSummary(first, (ended == null ? 0 : ended.count()) + inProgress, last);
  }
}
