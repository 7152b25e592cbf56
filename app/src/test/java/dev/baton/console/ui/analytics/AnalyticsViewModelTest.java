package dev.baton.console.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.analytics.ApiReports;
import dev.baton.console.task.DirectTaskExecutor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics state against a real receiver, no screen: ranges, the MQL filter and its mistakes, PNG files. */
class AnalyticsViewModelTest {

  @TempDir
  Path dir;
  private ReportData data;
  private AnalyticsViewModel model;
  private Instant now;

  @BeforeEach
  void start() throws Exception {
    data = new ReportData(dir, Instant.parse("2026-10-01T10:00:00Z"));
    data.add(new ReportData.Spec("DiskFull", "alpha", "critical", Duration.ofMinutes(5), Duration.ofHours(1),
        "release", "alert", "unavailability", "no", null));
    data.clock.advance(Duration.ofDays(30));
    data.add(new ReportData.Spec("QueueStuck", "beta", "warning", null, Duration.ofHours(12), "capacity",
        "user_report", "slowness", "prevented", "system_resources"));
    now = data.clock.instant();
    model = new AnalyticsViewModel(new ApiReports(data.client), new DirectTaskExecutor(),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    data.close();
  }

  @Test
  void readsTheRangeAndFilterAsked() {
    model.last(null);
    assertNull(model.fromProperty().get());
    assertEquals(2, model.reportProperty().get().incidents());
    assertEquals(10, model.figures().size());

    model.last(Period.ofDays(7));
    assertEquals(LocalDate.parse("2026-10-24"), model.fromProperty().get());
    assertEquals(1, model.reportProperty().get().incidents(), "only the second one opened in the last week");
    assertTrue(model.statusProperty().get().startsWith("Opened from 2026-10-24 until now"),
        model.statusProperty().get());

    model.fromProperty().set(LocalDate.parse("2026-10-01"));
    model.toProperty().set(LocalDate.parse("2026-10-01"));
    model.load();
    assertEquals(1, model.reportProperty().get().incidents(), "the last day is included");
    model.toProperty().set(LocalDate.parse("2026-09-01"));
    model.load();
    assertTrue(model.statusProperty().get().startsWith("The range ends (2026-09-01) before it starts"),
        model.statusProperty().get());

    model.fromProperty().set(null);
    model.toProperty().set(null);
    model.mqlProperty().set("project = beta");
    model.load();
    assertEquals(1, model.reportProperty().get().incidents());
    assertEquals("", model.mqlProblemProperty().get());
  }

  @Test
  void anMqlMistakeIsShownWithWhereAndTheLastReportStays() {
    model.last(null);
    model.mqlProperty().set("project = ");
    model.load();
    assertTrue(model.mqlProblemProperty().get().startsWith("line 1, column 10: expected a value after '='"), model.mqlProblemProperty().get());
    assertEquals(2, model.reportProperty().get().incidents());
    assertEquals("The filter has a mistake; the charts show the last report.", model.statusProperty().get());
  }

  @Test
  void writesAChartAsPng() throws Exception {
    model.last(null);
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(3, 4, Color.RED.getRGB());
    Path file = dir.resolve(model.pngName(model.figures().get(0)));
    assertEquals("baton-durations-2026-10-31.png", file.getFileName().toString());
    model.savePng("durations", image, file);
    BufferedImage read = ImageIO.read(file.toFile());
    assertEquals(40, read.getWidth());
    assertEquals(Color.RED.getRGB(), read.getRGB(3, 4));
    assertTrue(model.statusProperty().get().startsWith("Saved the durations chart to"));

    model.savePng("durations", image, dir.resolve("no-such-folder").resolve("x.png"));
    assertTrue(model.statusProperty().get().startsWith("The durations chart was not saved: "),
        model.statusProperty().get());
  }
}
