package dev.baton.console.analytics;

import dev.baton.api.model.AlertPrevention;
import dev.baton.api.model.CategoryCount;
import dev.baton.api.model.DurationBucket;
import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.NoiseReport;
import dev.baton.api.model.SlaFigures;
import dev.baton.api.model.SlaReport;
import dev.baton.api.model.TriggerNoise;
import dev.baton.api.model.WeekCount;
import dev.baton.console.analytics.ChartFigure.Kind;
import dev.baton.console.analytics.ChartFigure.Point;
import dev.baton.console.analytics.ChartFigure.Series;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code GET /api/v1/reports/incidents} and {@code /reports/sla} into the analytics view's
 * charts ("couch analytics", seed 002).
 */
public final class ReportFigures {

  /** How many triggers the noise chart ranks. */
  static final int NOISIEST = 10;
  /** From this many minutes on, mean times are charted in hours. */
  static final double HOURS_FROM = 120;
  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private ReportFigures() {
  }

  /** The charts, in the order the view shows them. */
  public static List<ChartFigure> of(IncidentReport report, SlaReport sla) {
    // MTTA and MTTR next to each other, so that the two-by-two layout draws them side by side.
    return List.of(durations(report), triggers(report), damage(report), timeToTake(report), timeToClose(report),
        detection(report), slaCompliance(sla), weeks(report), noise(sla), alertPrevention(report));
  }

  /** {@code 1,240 incidents, 212 with a post-mortem (17 %)}. */
  public static String summary(IncidentReport report) {
    return String.format(Locale.ENGLISH, "%,d incidents, %,d with a post-mortem (%s)", report.incidents(),
        report.withPostmortem(), percent(report.incidents() == 0 ? 0 : (double) report.withPostmortem()
            / report.incidents()));
  }

  static ChartFigure durations(IncidentReport report) {
    List<Point> points = new ArrayList<>();
    for (DurationBucket bucket : report.durations()) {
      points.add(new Point(bucket.unknown() ? "not ended" : compact(bucket.label()), bucket.count()));
    }
    return new ChartFigure("durations", "How long failures lasted",
        "Bars on a log scale, each about twice as long as the one before: the peaks around 1 h and 12 h show"
            + " where to invest (from the post-mortem's failure times, else opened to closed).",
        Kind.BARS, "incidents", List.of(new Series("incidents", points)));
  }

  static ChartFigure triggers(IncidentReport report) {
    return categories("triggers", "Triggers, ranked", "What set the failures off, of "
        + report.withPostmortem() + " incidents with a post-mortem.", Kind.RANKED, report.triggerCategories());
  }

  static ChartFigure damage(IncidentReport report) {
    return categories("damage", "Damage", "What the users saw, of " + report.withPostmortem()
        + " incidents with a post-mortem.", Kind.PIE, report.damageCategories());
  }

  static ChartFigure detection(IncidentReport report) {
    return categories("detection", "How incidents were noticed", "By alerts " + percent(report.detection().byAlerts())
        + " · by users " + percent(report.detection().byUsers()) + " (of those whose post-mortem says how).",
        Kind.PIE, report.detection().methods());
  }

  static ChartFigure weeks(IncidentReport report) {
    List<Point> points = new ArrayList<>();
    for (WeekCount week : report.perWeek()) {
      points.add(new Point(WEEK.format(week.monday()), week.count()));
    }
    return new ChartFigure("weeks", "Incidents per week", "Incidents opened each ISO week (UTC), by its Monday.",
        Kind.LINE, "incidents", List.of(new Series("incidents", points)));
  }

  /** MTTA per severity, on an axis of its own: minutes to take are lost beside hours to close. */
  static ChartFigure timeToTake(IncidentReport report) {
    return meanTimes("mtta", "Time to take (MTTA) per severity", "Mean time from opening to being taken",
        "MTTA", report.responseTimes().stream().map(t -> new Point(t.severity(), minutes(t.mtta()))).toList());
  }

  /** MTTR per severity, in hours as soon as one severity takes two hours or more. */
  static ChartFigure timeToClose(IncidentReport report) {
    return meanTimes("mttr", "Time to close (MTTR) per severity", "Mean time from opening to being closed",
        "MTTR", report.responseTimes().stream().map(t -> new Point(t.severity(), minutes(t.mttr()))).toList());
  }

  /** Minutes, or hours when the longest mean is {@link #HOURS_FROM} or more, so that the bars stay readable. */
  private static ChartFigure meanTimes(String id, String title, String what, String name, List<Point> inMinutes) {
    double longest = inMinutes.stream().mapToDouble(Point::value).max().orElse(0);
    boolean hours = longest >= HOURS_FROM;
    String unit = hours ? "hours" : "minutes";
    List<Point> points = hours ? inMinutes.stream()
        .map(p -> new Point(p.label(), Math.round(p.value() / 6.0) / 10.0)).toList() : inMinutes;
    return new ChartFigure(id, title, what + " (" + name + "), in " + unit + "; 0 where none was.", Kind.BARS,
        unit, List.of(new Series(name, points)));
  }

  static ChartFigure alertPrevention(IncidentReport report) {
    AlertPrevention p = report.alertPrevention();
    return categories("prevention", "Would an alert have helped?", String.format(Locale.ENGLISH,
        "Prevented %d, shortened %d: %s of %d incidents with a post-mortem, by the alert that was missing.",
        p.prevented(), p.shortened(), percent(p.share()), p.base()), Kind.RANKED, p.byKind());
  }

  static ChartFigure slaCompliance(SlaReport sla) {
    List<Point> inTime = new ArrayList<>();
    List<Point> late = new ArrayList<>();
    long allInTime = 0;
    long allLate = 0;
    for (SlaFigures group : sla.perSeverity()) {
      inTime.add(new Point(group.key(), group.takenInTime()));
      late.add(new Point(group.key(), group.late()));
      allInTime += group.takenInTime();
      allLate += group.late();
    }
    String overall = allInTime + allLate == 0 ? "no incident had a response deadline that counted yet"
        : percent((double) allInTime / (allInTime + allLate)) + " taken within the response time (" + allInTime
            + " of " + (allInTime + allLate) + ")";
    return new ChartFigure("sla", "SLA compliance per severity", "Incidents taken by their response deadline"
        + " and late ones: " + overall + ".", Kind.BARS, "incidents",
        List.of(new Series("in time", inTime), new Series("late", late)));
  }

  /** The noisiest triggers: alerts that resolved while pending plus incidents closed before anybody took them. */
  static ChartFigure noise(SlaReport sla) {
    NoiseReport noise = sla.noise();
    List<Point> points = new ArrayList<>();
    for (TriggerNoise trigger : noise.perTrigger()) {
      long count = trigger.closedAsNoise() + (trigger.resolvedWhilePending() == null ? 0
          : trigger.resolvedWhilePending());
      if (count > 0 && points.size() < NOISIEST) {
        points.add(new Point(trigger.trigger(), count));
      }
    }
    return new ChartFigure("noise", "Noise, by trigger", (noise.resolvedWhilePending() == null ? ""
        : noise.resolvedWhilePending() + " alerts resolved while pending, ") + noise.closedAsNoise()
        + " incidents closed before anybody took them (" + noise.closedByTriage() + " by triage rules); the "
        + NOISIEST + " noisiest triggers.", Kind.RANKED, "alerts and incidents", List.of(new Series("noise",
        points)));
  }

  private static ChartFigure categories(String id, String title, String note, Kind kind, List<CategoryCount> counts) {
    List<Point> points = counts.stream().map(c -> new Point(c.label(), c.count())).toList();
    return new ChartFigure(id, title, note, kind, "incidents", List.of(new Series("incidents", points)));
  }

  /** {@code 45 min – 1 h 20 min} → {@code 45m–1h20m}: a dozen bars' labels fit under them unrotated. */
  static String compact(String label) {
    return label.replace(" min", "m").replace(" h", "h").replace(" d", "d").replace(" ", "");
  }

  private static double minutes(Duration d) {
    return d == null ? 0 : Math.round(d.toSeconds() / 6.0) / 10.0;
  }

  static String percent(double share) {
    return Math.round(share * 100) + " %";
  }
}
