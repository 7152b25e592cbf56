package dev.baton.console.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.AlertPrevention;
import dev.baton.api.model.CategoryCount;
import dev.baton.api.model.DetectionFigures;
import dev.baton.api.model.DurationBucket;
import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.NoiseReport;
import dev.baton.api.model.SeverityTimes;
import dev.baton.api.model.SlaFigures;
import dev.baton.api.model.SlaReport;
import dev.baton.api.model.TriggerNoise;
import dev.baton.api.model.WeekCount;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {

  static final IncidentReport REPORT = new IncidentReport(null, null, null, 1240, 212,
      List.of(new DurationBucket("< 5 min", 0L, 300L, false, 51),
          new DurationBucket("45 min – 1 h 20 min", 2700L, 4800L, false, 310),
          new DurationBucket("unknown (not ended)", null, null, true, 12)),
      List.of(new CategoryCount("unavailability", "Unavailability, errors", 88, 0.415)),
      List.of(new CategoryCount("release", "Release", 76, 0.358), new CategoryCount("capacity", "Capacity", 20, 0.09)),
      new DetectionFigures(List.of(new CategoryCount("alert", "Alert", 110, 0.52)), 0.52, 0.234),
      List.of(), List.of(),
      List.of(new WeekCount("2026-W01", LocalDate.parse("2025-12-29"), 21)),
      List.of(new SeverityTimes("S1", 40, 38, Duration.ofSeconds(252), 40, Duration.ofMinutes(63)),
          new SeverityTimes("S2", 5, 0, null, 0, null)),
      new AlertPrevention(212, 21, 30, 0.24, List.of(new CategoryCount("http_errors", "HTTP errors", 21, 0.099))));

  static final SlaReport SLA = new SlaReport(null, null, null, 45, List.of(), List.of(),
      List.of(new SlaFigures("S1", 40, 30, 8, 0.789, 38, Duration.ofMinutes(4), Duration.ofMinutes(30), 3, 2),
          new SlaFigures("S3", 5, 2, 0, 1.0, 2, Duration.ofMinutes(9), Duration.ofMinutes(9), 0, 0)),
      new NoiseReport(1210L, 96, 61, List.of(
          new TriggerNoise("DiskIOFlap", 3, 3, 3, 1.0, 890L),
          new TriggerNoise("CpuHot", 9, 2, 0, 0.22, null),
          new TriggerNoise("HostDown", 12, 0, 0, 0.0, 0L))));

  @Test
  void everyFigureOfTheReport() {
    List<ChartFigure> figures = ReportFigures.of(REPORT, SLA);
    assertEquals(List.of("durations", "triggers", "damage", "mtta", "mttr", "detection", "sla", "weeks", "noise",
        "prevention"),
        figures.stream().map(ChartFigure::id).toList());
    ChartFigure durations = figures.get(0);
    assertEquals(List.of("<5m", "45m–1h20m", "not ended"),
        durations.points().stream().map(ChartFigure.Point::label).toList());
    assertEquals(310, durations.points().get(1).value());
    assertEquals("Release", figures.get(1).points().get(0).label(), "ranked as the receiver ranks them");
    assertEquals(ChartFigure.Kind.RANKED, figures.get(1).kind());
    assertTrue(figures.get(5).note().startsWith("By alerts 52 % · by users 23 %"), figures.get(5).note());
    assertEquals("Dec 29", figures.get(7).points().get(0).label());
    ChartFigure mtta = figures.get(3);
    ChartFigure mttr = figures.get(4);
    assertEquals(4.2, mtta.points().get(0).value(), 1e-9, "MTTA in minutes");
    assertEquals(63.0, mttr.points().get(0).value(), 1e-9, "MTTR under two hours: in minutes");
    assertEquals("minutes", mttr.valueAxis());
    assertEquals(0.0, mtta.points().get(1).value(), "none taken: 0, not a crash");
    ChartFigure sla = figures.get(6);
    assertEquals(List.of(30.0, 2.0), sla.series().get(0).points().stream().map(ChartFigure.Point::value).toList());
    assertEquals(List.of(8.0, 0.0), sla.series().get(1).points().stream().map(ChartFigure.Point::value).toList());
    assertTrue(sla.note().endsWith("80 % taken within the response time (32 of 40)."), sla.note());
    ChartFigure noise = figures.get(8);
    assertEquals(List.of(new ChartFigure.Point("DiskIOFlap", 893), new ChartFigure.Point("CpuHot", 2)),
        noise.points(), "noisiest first, none for a trigger without noise");
    assertTrue(noise.note().startsWith("1210 alerts resolved while pending, 96 incidents closed before anybody took"
        + " them (61 by triage rules)"), noise.note());
    assertTrue(figures.get(9).note().startsWith("Prevented 21, shortened 30: 24 % of 212"), figures.get(9).note());
    assertEquals("1,240 incidents, 212 with a post-mortem (17 %)", ReportFigures.summary(REPORT));
  }

  @Test
  void minutesToTakeStayReadableBesideHoursToClose() {
    IncidentReport report = new IncidentReport(null, null, null, 45, 0, List.of(), List.of(), List.of(),
        new DetectionFigures(List.of(), 0, 0), List.of(), List.of(), List.of(),
        List.of(new SeverityTimes("S1", 40, 38, Duration.ofSeconds(252), 40, Duration.ofMinutes(30 * 60 + 15)),
            new SeverityTimes("S3", 5, 5, Duration.ofMinutes(95), 5, Duration.ofMinutes(90))),
        new AlertPrevention(0, 0, 0, 0, List.of()));
    ChartFigure mtta = ReportFigures.timeToTake(report);
    ChartFigure mttr = ReportFigures.timeToClose(report);
    assertEquals("minutes", mtta.valueAxis());
    assertEquals(List.of(new ChartFigure.Point("S1", 4.2), new ChartFigure.Point("S3", 95.0)), mtta.points(),
        "MTTA keeps its minutes on its own axis");
    assertEquals("hours", mttr.valueAxis());
    assertEquals(List.of(new ChartFigure.Point("S1", 30.3), new ChartFigure.Point("S3", 1.5)), mttr.points(),
        "MTTR in hours once one severity takes two hours or more");
    assertTrue(mttr.note().contains("in hours"), mttr.note());
    assertTrue(mtta.note().contains("in minutes"), mtta.note());
  }

  @Test
  void anEmptyReportSaysSo() {
    IncidentReport none = new IncidentReport(null, null, null, 0, 0, List.of(), List.of(), List.of(),
        new DetectionFigures(List.of(), 0, 0), List.of(), List.of(), List.of(), List.of(),
        new AlertPrevention(0, 0, 0, 0, List.of()));
    SlaReport quiet = new SlaReport(null, null, null, 0, List.of(), List.of(), List.of(),
        new NoiseReport(null, 0, 0, List.of()));
    assertTrue(ReportFigures.of(none, quiet).stream().allMatch(ChartFigure::empty));
    assertTrue(ReportFigures.of(none, quiet).get(6).note().contains("no incident had a response deadline"));
    assertFalse(ReportFigures.of(REPORT, SLA).get(0).empty());
    assertEquals("0 incidents, 0 with a post-mortem (0 %)", ReportFigures.summary(none));
  }
}
