package dev.baton.server.report;

import dev.baton.api.model.AlertPrevention;
import dev.baton.api.model.CategoryCount;
import dev.baton.api.model.DetectionFigures;
import dev.baton.api.model.DurationBucket;
import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.SeverityTimes;
import dev.baton.api.model.WeekCount;
import dev.baton.mql.sql.SqlFragment;
import dev.baton.server.postmortem.Vocabulary;
import dev.baton.server.query.IncidentFilter;
import dev.baton.server.query.ReadConnections;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The incident analytics ("couch analytics" of the seed article): one pass over the matching
 * incidents joined with their post-mortems, counted in memory. Incidents covered by a post-mortem
 * take its fields; figures from post-mortem fields are shares of the incidents that have one.
 */
public final class IncidentReports {

  static final String NOT_SET = "(not set)";
  /** Weeks are counted from the Monday before the epoch (1970-01-01 was a Thursday), in UTC. */
  static final LocalDate MONDAY_EPOCH = LocalDate.of(1969, 12, 29);
  static final long MONDAY_EPOCH_MS = -3L * 86_400_000;
  static final long WEEK_MS = 7L * 86_400_000;
  static final String NO_TEAM = "(none)";
  private static final String NOT_SET_LABEL = "Not set";

  private final ReadConnections readers;
  private final Supplier<Vocabulary> vocabulary;

  /** @param vocabulary the labels of the ids in effect now */
  public IncidentReports(ReadConnections readers, Supplier<Vocabulary> vocabulary) {
    this.readers = readers;
    this.vocabulary = vocabulary;
  }

  /** Incidents opened in {@code [from, to)} (ISO times or dates, each optional) that match MQL {@code q}. */
  public IncidentReport incidents(String fromText, String toText, String q) {
    ReportRange range = ReportRange.parse(fromText, toText);
    Instant from = range.from();
    Instant to = range.to();
    SqlFragment filter = IncidentFilter.where("q", q);
    // no range: a plain scan of the table (bounds would send SQLite through the opened_at index row by row)
    String sql = "SELECT i.id, i.project, i.severity, i.opened_at, coalesce(i.taken_at, -1), coalesce(i.closed_at, -1),"
        + " i.holder_chain FROM incidents i WHERE " + (from == null ? "" : "i.opened_at >= ? AND ")
        + (to == null ? "" : "i.opened_at < ? AND ") + "(" + filter.sql() + ")";
    Tally t = readers.read(c -> {
      Tally tally = new Tally(covered(c));
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int index = 1;
        if (from != null) {
          ps.setLong(index++, from.toEpochMilli());
        }
        if (to != null) {
          ps.setLong(index++, to.toEpochMilli());
        }
        filter.bind(ps, index);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tally.add(rs);
          }
        }
      }
      return tally;
    });
    return t.report(from, to, q == null || q.isBlank() ? null : q, vocabulary.get());
  }

  /** A covered incident's post-mortem fields; times -1 when not set. */
  private record Covered(long failureStart, long failureEnd, String trigger, String detection, String damage,
      String alertWouldHave, String alertKind) {
  }

  /**
   * Every covered incident's post-mortem fields, by incident id: a few thousand rows read once,
   * so that the scan of all incidents joins nothing.
   */
  private static Map<Long, Covered> covered(java.sql.Connection c) throws java.sql.SQLException {
    Map<Long, Covered> byIncident = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT pi.incident_id, coalesce(p.failure_start, -1),"
        + " coalesce(p.failure_end, -1), p.trigger_category, p.detection, p.damage_category, p.alert_would_have,"
        + " p.alert_kind FROM postmortem_incidents pi JOIN postmortems p ON p.id = pi.postmortem_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byIncident.put(rs.getLong(1), new Covered(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8)));
      }
    }
    return byIncident;
  }

  /** Counters filled row by row. */
  private static final class Tally {
    final Map<Long, Covered> covered;
    long incidents;
    long withPostmortem;
    final long[] durations = new long[DurationBuckets.FROM.length];
    long unknownDuration;
    final Map<String, Long> damage = new HashMap<>();
    final Map<String, Long> triggers = new HashMap<>();
    final Map<String, Long> detection = new HashMap<>();
    final Map<String, Long> projects = new HashMap<>();
    final Map<String, Long> teams = new HashMap<>();
    /** Incidents per week, by weeks since {@link #MONDAY_EPOCH_MS}. */
    final TreeMap<Long, Long> weeks = new TreeMap<>();
    final long[][] response = new long[10][5]; // per severity: incidents, taken, sum to take, closed, sum to close
    long prevented;
    long shortened;
    final Map<String, Long> alertKinds = new HashMap<>();

    Tally(Map<Long, Covered> covered) {
      this.covered = covered;
    }

    void add(ResultSet rs) throws java.sql.SQLException {
      incidents++;
      long id = rs.getLong(1);
      String project = rs.getString(2);
      int severity = rs.getInt(3);
      long opened = rs.getLong(4);
      long taken = rs.getLong(5);
      long closed = rs.getLong(6);
      projects.merge(project, 1L, Long::sum);
      teams.merge(lastTeam(rs.getString(7)), 1L, Long::sum);
      weeks.merge(Math.floorDiv(opened - MONDAY_EPOCH_MS, WEEK_MS), 1L, Long::sum);
      if (severity >= 1 && severity <= 9) {
        long[] r = response[severity];
        r[0]++;
        if (taken >= 0) {
          r[1]++;
          r[2] += taken - opened;
        }
        if (closed >= 0) {
          r[3]++;
          r[4] += closed - opened;
        }
      }
      long duration = closed >= 0 ? closed - opened : -1;
      Covered pm = covered.get(id);
      if (pm != null) {
        withPostmortem++;
        if (pm.failureStart() >= 0 && pm.failureEnd() >= 0) {
          duration = pm.failureEnd() - pm.failureStart(); // the report's failure span is what people measured
        }
        damage.merge(orNotSet(pm.damage()), 1L, Long::sum);
        triggers.merge(orNotSet(pm.trigger()), 1L, Long::sum);
        detection.merge(orNotSet(pm.detection()), 1L, Long::sum);
        String wouldHave = pm.alertWouldHave();
        if ("prevented".equals(wouldHave) || "shortened".equals(wouldHave)) {
          if (wouldHave.equals("prevented")) {
            prevented++;
          } else {
            shortened++;
          }
          alertKinds.merge(orNotSet(pm.alertKind()), 1L, Long::sum);
        }
      }
      if (duration < 0) {
        unknownDuration++;
      } else {
        durations[DurationBuckets.of(duration)]++;
      }
    }

    IncidentReport report(Instant from, Instant to, String q, Vocabulary v) {
      List<DurationBucket> bars = new ArrayList<>();
      for (int i = 0; i < durations.length; i++) {
        Long upper = i + 1 < DurationBuckets.FROM.length ? DurationBuckets.FROM[i + 1] : null;
        bars.add(new DurationBucket(DurationBuckets.LABELS.get(i), DurationBuckets.FROM[i], upper, false,
            durations[i]));
      }
      bars.add(new DurationBucket(DurationBuckets.UNKNOWN, null, null, true, unknownDuration));
      long detected = detection.entrySet().stream().filter(e -> !e.getKey().equals(NOT_SET))
          .mapToLong(Map.Entry::getValue).sum();
      DetectionFigures detectionFigures = new DetectionFigures(
          ranked(detection, withPostmortem, Vocabulary::detectionLabel),
          share(detection.getOrDefault(Vocabulary.BY_ALERT, 0L), detected),
          share(detection.getOrDefault(Vocabulary.BY_USER, 0L), detected));
      List<WeekCount> perWeek = new ArrayList<>();
      if (!weeks.isEmpty()) {
        for (long w = weeks.firstKey(); w <= weeks.lastKey(); w++) {
          LocalDate monday = MONDAY_EPOCH.plusWeeks(w);
          perWeek.add(new WeekCount(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
              monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, weeks.getOrDefault(w, 0L)));
        }
      }
      List<SeverityTimes> times = new ArrayList<>();
      for (int s = 1; s <= 9; s++) {
        long[] r = response[s];
        if (r[0] > 0) {
          times.add(new SeverityTimes("S" + s, r[0], r[1], mean(r[2], r[1]), r[3], mean(r[4], r[3])));
        }
      }
      AlertPrevention prevention = new AlertPrevention(withPostmortem, prevented, shortened,
          share(prevented + shortened, withPostmortem), ranked(alertKinds, withPostmortem, v::alertKindLabel));
      return new IncidentReport(from, to, q, incidents, withPostmortem, bars,
          ranked(damage, withPostmortem, Vocabulary::damageLabel), ranked(triggers, withPostmortem, v::triggerLabel),
          detectionFigures, ranked(projects, incidents, Function.identity()),
          ranked(teams, incidents, Function.identity()), perWeek, times, prevention);
    }

    private static String orNotSet(String id) {
      return id == null ? NOT_SET : id;
    }
  }

  /** Most first, ties by id; "(not set)" labelled as such. */
  private static List<CategoryCount> ranked(Map<String, Long> counts, long base, Function<String, String> label) {
    List<CategoryCount> out = new ArrayList<>();
    counts.forEach((id, n) -> out.add(new CategoryCount(id, id.equals(NOT_SET) ? NOT_SET_LABEL : label.apply(id), n,
        share(n, base))));
    out.sort(Comparator.comparingLong(CategoryCount::count).reversed().thenComparing(CategoryCount::id));
    return out;
  }

  private static double share(long n, long base) {
    return base == 0 ? 0 : (double) n / base;
  }

  private static Duration mean(long sumMillis, long count) {
    return count == 0 ? null : Duration.ofMillis(Math.round((double) sumMillis / count));
  }

  /** The last team queue ({@code #name}) in a holder chain such as {@code ["#l1","#bravo","@dmitry"]}. */
  static String lastTeam(String chainJson) {
    if (chainJson == null) {
      return NO_TEAM;
    }
    int at = chainJson.lastIndexOf("\"#");
    if (at < 0) {
      return NO_TEAM;
    }
    int end = chainJson.indexOf('"', at + 2);
    return end < 0 ? NO_TEAM : chainJson.substring(at + 2, end);
  }
}
