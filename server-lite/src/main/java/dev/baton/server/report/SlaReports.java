package dev.baton.server.report;

import dev.baton.api.model.NoiseReport;
import dev.baton.api.model.SlaFigures;
import dev.baton.api.model.SlaReport;
import dev.baton.api.model.TriggerNoise;
import dev.baton.mql.sql.SqlFragment;
import dev.baton.server.query.AlertFilter;
import dev.baton.server.query.IncidentFilter;
import dev.baton.server.query.ReadConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SLA report: per project, team and severity, how many incidents were taken within their
 * response time and how long taking them took; and the noise (alerts resolved while pending,
 * incidents closed before anybody took them) per trigger. One pass over the matching incidents,
 * counted in memory, like {@link IncidentReports}.
 */
public final class SlaReports {

  /** The timeline entry of an escalation move (pipeline.Processor writes it). */
  static final String ESCALATED = "escalated";
  /** The timeline entry of a triage rule's action. */
  static final String TRIAGED = "triaged";
  /** How a triage entry that closed its incident names its action. */
  static final String CLOSED_BY_TRIAGE = "\"action\":\"close_if_ok_before_taken\"";
  static final String NO_TRIGGER = "(none)";

  private final ReadConnections readers;
  private final Clock clock;

  public SlaReports(ReadConnections readers, Clock clock) {
    this.readers = readers;
    this.clock = clock;
  }

  /** Incidents opened (and pending noise resolved) in {@code [from, to)} (ISO times or dates, each optional) matching {@code q}. */
  public SlaReport sla(String fromText, String toText, String q) {
    ReportRange range = ReportRange.parse(fromText, toText);
    Instant from = range.from();
    Instant to = range.to();
    SqlFragment filter = IncidentFilter.where("q", q);
    SqlFragment alertFilter = AlertFilter.whereOrNull(q);
    String openedIn = (from == null ? "" : " AND i.opened_at >= ?") + (to == null ? "" : " AND i.opened_at < ?");
    // The first take counts: a handover clears taken_at, the timeline keeps every take (V13's index).
    String sql = "SELECT i.id, i.project, i.severity, i.trigger, i.opened_at, coalesce(i.taken_at, -1),"
        + " coalesce(i.closed_at, -1), coalesce(i.response_due_at, -1), i.holder_chain,"
        + " coalesce((SELECT min(t.at) FROM timeline t INDEXED BY timeline_taken"
        + " WHERE t.incident_id = i.id AND t.kind = 'taken'), -1) FROM incidents i"
        + " WHERE (" + filter.sql() + ")" + openedIn;
    long now = clock.millis();
    Tally tally = readers.read(c -> {
      Tally t = new Tally(policyEntries(c), now);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int index = filter.bind(ps, 1);
        bindRange(ps, index, from, to);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            t.add(rs);
          }
        }
      }
      t.pending = alertFilter == null ? null : pendingNoise(c, alertFilter, from, to);
      return t;
    });
    return tally.report(from, to, q == null || q.isBlank() ? null : q);
  }

  private static int bindRange(PreparedStatement ps, int index, Instant from, Instant to) throws SQLException {
    if (from != null) {
      ps.setLong(index++, from.toEpochMilli());
    }
    if (to != null) {
      ps.setLong(index++, to.toEpochMilli());
    }
    return index;
  }

  /** Escalation moves by incident, and the incidents a triage rule closed: few rows, read through their own index. */
  private static PolicyEntries policyEntries(Connection c) throws SQLException {
    PolicyEntries entries = new PolicyEntries(new HashMap<>(), new HashSet<>());
    try (PreparedStatement ps = c.prepareStatement("SELECT incident_id, kind, detail FROM timeline INDEXED BY"
        + " timeline_policy WHERE kind IN ('" + ESCALATED + "', '" + TRIAGED + "')");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        if (rs.getString(2).equals(ESCALATED)) {
          entries.escalations().merge(id, 1, Integer::sum);
        } else if (rs.getString(3).contains(CLOSED_BY_TRIAGE)) {
          entries.closedByTriage().add(id);
        }
      }
    }
    return entries;
  }

  private record PolicyEntries(Map<Long, Integer> escalations, Set<Long> closedByTriage) {}

  /** Alerts resolved while pending in the range whose alert matches {@code alertFilter}, by trigger. */
  private static Map<String, Long> pendingNoise(Connection c, SqlFragment alertFilter, Instant from, Instant to)
      throws SQLException {
    String sql = "SELECT p.trigger, count(*) FROM pending_noise p JOIN alerts a ON a.id = p.alert_id WHERE ("
        + alertFilter.sql() + ")" + (from == null ? "" : " AND p.resolved_at >= ?")
        + (to == null ? "" : " AND p.resolved_at < ?") + " GROUP BY p.trigger";
    Map<String, Long> byTrigger = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindRange(ps, alertFilter.bind(ps, 1), from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byTrigger.put(triggerKey(rs.getString(1)), rs.getLong(2));
        }
      }
    }
    return byTrigger;
  }

  private static String triggerKey(String trigger) {
    return trigger == null ? NO_TRIGGER : trigger;
  }

  /** Counters filled row by row. */
  private static final class Tally {
    final PolicyEntries policy;
    final long now;
    long incidents;
    final Map<String, Group> projects = new HashMap<>();
    final Map<String, Group> teams = new HashMap<>();
    final Group[] severities = new Group[10];
    final Map<String, long[]> triggers = new HashMap<>(); // incidents, closed as noise, closed by triage
    Map<String, Long> pending;

    Tally(PolicyEntries policy, long now) {
      this.policy = policy;
      this.now = now;
    }

    void add(ResultSet rs) throws SQLException {
      incidents++;
      long id = rs.getLong(1);
      int severity = rs.getInt(3);
      long opened = rs.getLong(5);
      long taken = firstOf(rs.getLong(6), rs.getLong(10));
      long closed = rs.getLong(7);
      long due = rs.getLong(8);
      int escalations = policy.escalations().getOrDefault(id, 0);
      Outcome outcome = outcome(taken, closed, due);
      long toTake = taken >= 0 ? Math.max(0, taken - opened) : -1;
      projects.computeIfAbsent(rs.getString(2), Group::new).add(outcome, toTake, escalations);
      teams.computeIfAbsent(IncidentReports.lastTeam(rs.getString(9)), Group::new).add(outcome, toTake, escalations);
      if (severity >= 1 && severity <= 9) {
        if (severities[severity] == null) {
          severities[severity] = new Group("S" + severity);
        }
        severities[severity].add(outcome, toTake, escalations);
      }
      long[] t = triggers.computeIfAbsent(triggerKey(rs.getString(4)), k -> new long[3]);
      t[0]++;
      if (closed >= 0 && taken < 0) {
        t[1]++;
        if (policy.closedByTriage().contains(id)) {
          t[2]++;
        }
      }
    }

    /** Whether the incident met its deadline, missed it, or neither can be said. */
    /** The earlier of two times, -1 standing for none. */
    private static long firstOf(long a, long b) {
      return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    Outcome outcome(long taken, long closed, long due) {
      if (due < 0) {
        return Outcome.NONE;
      }
      if (taken >= 0) {
        return taken <= due ? Outcome.IN_TIME : Outcome.LATE;
      }
      long waitedUntil = closed >= 0 ? closed : now; // nobody took it: late once the deadline passed unheeded
      return waitedUntil > due ? Outcome.LATE : Outcome.NONE;
    }

    SlaReport report(Instant from, Instant to, String q) {
      List<SlaFigures> perSeverity = new ArrayList<>();
      for (Group g : severities) {
        if (g != null) {
          perSeverity.add(g.figures());
        }
      }
      Set<String> noisyTriggers = new HashSet<>(triggers.keySet());
      if (pending != null) {
        noisyTriggers.addAll(pending.keySet());
      }
      List<TriggerNoise> perTrigger = new ArrayList<>();
      long closedAsNoise = 0;
      long closedByTriage = 0;
      for (String trigger : noisyTriggers) {
        long[] t = triggers.getOrDefault(trigger, new long[3]);
        closedAsNoise += t[1];
        closedByTriage += t[2];
        perTrigger.add(new TriggerNoise(trigger, t[0], t[1], t[2], t[0] == 0 ? null : (double) t[1] / t[0],
            pending == null ? null : pending.getOrDefault(trigger, 0L)));
      }
      perTrigger.sort(Comparator.comparingLong(SlaReports::noise).reversed().thenComparing(TriggerNoise::trigger));
      Long resolvedWhilePending = pending == null ? null : pending.values().stream().mapToLong(Long::longValue).sum();
      return new SlaReport(from, to, q, incidents, ranked(projects), ranked(teams), perSeverity,
          new NoiseReport(resolvedWhilePending, closedAsNoise, closedByTriage, perTrigger));
    }
  }

  private static long noise(TriggerNoise t) {
    return t.closedAsNoise() + (t.resolvedWhilePending() == null ? 0 : t.resolvedWhilePending());
  }

  /** Most incidents first, ties by key. */
  private static List<SlaFigures> ranked(Map<String, Group> groups) {
    List<SlaFigures> out = new ArrayList<>();
    groups.values().forEach(g -> out.add(g.figures()));
    out.sort(Comparator.comparingLong(SlaFigures::incidents).reversed().thenComparing(SlaFigures::key));
    return out;
  }

  private enum Outcome { IN_TIME, LATE, NONE }

  /** One project's, team's or severity's counters, with every time to take kept for the percentiles. */
  private static final class Group {
    final String key;
    long incidents;
    long inTime;
    long late;
    long escalations;
    long escalated;
    long[] toTake = new long[16];
    int taken;

    Group(String key) {
      this.key = key;
    }

    void add(Outcome outcome, long millisToTake, int escalationMoves) {
      incidents++;
      if (outcome == Outcome.IN_TIME) {
        inTime++;
      } else if (outcome == Outcome.LATE) {
        late++;
      }
      if (millisToTake >= 0) {
        if (taken == toTake.length) {
          toTake = Arrays.copyOf(toTake, taken * 2);
        }
        toTake[taken++] = millisToTake;
      }
      escalations += escalationMoves;
      if (escalationMoves > 0) {
        escalated++;
      }
    }

    SlaFigures figures() {
      long[] sorted = Arrays.copyOf(toTake, taken);
      Arrays.sort(sorted);
      return new SlaFigures(key, incidents, inTime, late, inTime + late == 0 ? null : (double) inTime / (inTime + late),
          taken, nearestRank(sorted, 50), nearestRank(sorted, 90), escalations, escalated);
    }
  }

  /** The {@code percent}th percentile by nearest rank: the smallest value with at least that share at or below it. */
  static Duration nearestRank(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return Duration.ofMillis(sorted[Math.max(1, rank) - 1]);
  }
}
