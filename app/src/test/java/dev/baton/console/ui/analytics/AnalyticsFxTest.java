package dev.baton.console.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.ui.AnsweringFileDialogs;
import dev.baton.console.ui.FxTestSupport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The analytics window from the side bar over a real receiver with four incidents of known
 * shape: the charts show the known counts, the MQL filter narrows them and its mistakes show
 * under it, and a chart exports as a PNG that is a picture of it.
 */
@ExtendWith(ApplicationExtension.class)
class AnalyticsFxTest {

  private Path dir;
  private ReportData data;
  private LiveConsole console;
  private final AnsweringFileDialogs files = new AnsweringFileDialogs();

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("baton-analytics-fx");
    data = new ReportData(dir, Instant.now().minus(Duration.ofDays(20)));
    data.add(new ReportData.Spec("DiskFull", "alpha", "critical", Duration.ofMinutes(5), Duration.ofHours(1),
        "release", "alert", "unavailability", "no", null));
    data.clock.advance(Duration.ofDays(2));
    data.add(new ReportData.Spec("ApiErrors", "alpha", "critical", Duration.ofMinutes(10), Duration.ofMinutes(55),
        "release", "alert", "slowness", "shortened", "http_errors"));
    data.clock.advance(Duration.ofDays(2));
    data.add(new ReportData.Spec("QueueStuck", "beta", "warning", Duration.ofMinutes(30), Duration.ofHours(12),
        "capacity", "user_report", "unavailability", "prevented", "system_resources"));
    data.clock.advance(Duration.ofDays(2));
    data.add(new ReportData.Spec("CertExpiry", "beta", "warning", null, null, null, null, null, null, null));
    data.clock.advance(Duration.ofHours(2));
    // Closed before anybody took it: noise.
    data.add(new ReportData.Spec("DiskIOFlap", "beta", "warning", null, Duration.ofMinutes(12), null, null, null,
        null, null));
    data.clock.advance(Duration.ofDays(1));
    console = new LiveConsole(stage, dir.resolve("config"), files, "--server", data.receiver.url());
  }

  @AfterEach
  void stop() throws Exception {
    FxTestSupport.hideAllBut(console.window.root().getScene().getWindow());
    console.close();
    data.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Number> bars(FxRobot robot, String id) {
    BarChart<String, Number> chart = robot.lookup("#chart-" + id).queryAs(BarChart.class);
    return chart.getData().get(0).getData().stream()
        .collect(Collectors.toMap(XYChart.Data::getXValue, XYChart.Data::getYValue));
  }

  private static String summary(FxRobot robot) {
    return robot.lookup("#analytics-summary").queryAs(Label.class).getText();
  }

  @Test
  @SuppressWarnings("unchecked")
  void chartsTheReceiversReport(FxRobot robot) throws Exception {
    robot.clickOn("#sidebar-analytics");
    LiveConsole.await("the report charted", () -> summary(robot).startsWith("5 incidents"));
    FxTestSupport.awaitPulse(); // the new charts' sizes (and the bar gaps that follow them) come with a layout
    assertEquals("5 incidents, 3 with a post-mortem (60 %)", summary(robot));

    Map<String, Number> durations = bars(robot, "durations");
    assertEquals(2.0, durations.get("45m–1h20m").doubleValue(), durations.toString());
    assertEquals(1.0, durations.get("9h–16h").doubleValue(), durations.toString());
    assertEquals(1.0, durations.get("not ended").doubleValue(), durations.toString());
    BarChart<String, Number> durationChart = robot.lookup("#chart-durations").queryAs(BarChart.class);
    List<String> order = durationChart.getData().get(0).getData().stream().map(XYChart.Data::getXValue).toList();
    assertTrue(order.indexOf("45m–1h20m") < order.indexOf("9h–16h"), "shortest first: " + order);

    BarChart<Number, String> triggers = robot.lookup("#chart-triggers").queryAs(BarChart.class);
    List<XYChart.Data<Number, String>> ranked = triggers.getData().get(0).getData();
    XYChart.Data<Number, String> top = ranked.get(ranked.size() - 1); // the last category is drawn on top
    assertEquals("Release", top.getYValue());
    assertEquals(2.0, top.getXValue().doubleValue());

    PieChart detection = robot.lookup("#chart-detection").queryAs(PieChart.class);
    Set<String> slices = new HashSet<>();
    detection.getData().forEach(d -> slices.add(d.getName()));
    assertTrue(slices.contains("Alert 67 %"), slices.toString());

    BarChart<String, Number> response = robot.lookup("#chart-mtta").queryAs(BarChart.class);
    XYChart.Series<String, Number> mtta = response.getData().get(0);
    assertEquals("minutes", response.getYAxis().getLabel());
    int severities = mtta.getData().size();
    assertEquals(response.getWidth() / severities / 2, response.getCategoryGap(), 1.0,
        "a few severities get bars of half their room, not slabs");
    BarChart<String, Number> mttr = robot.lookup("#chart-mttr").queryAs(BarChart.class);
    assertEquals("hours", mttr.getYAxis().getLabel(), "the 12 h closing of a warning is charted in hours");
    assertEquals("MTTA", mtta.getName());
    assertEquals(7.5, mtta.getData().stream().filter(d -> d.getXValue().equals("S1")).findFirst().orElseThrow()
        .getYValue().doubleValue(), 0.01);
    BarChart<String, Number> sla = robot.lookup("#chart-sla").queryAs(BarChart.class);
    var bySeverity = data.client.slaReport(null, null, null).perSeverity();
    assertEquals(List.of("in time", "late"), sla.getData().stream().map(XYChart.Series::getName).toList());
    assertEquals(bySeverity.stream().map(g -> (double) g.takenInTime()).toList(), sla.getData().get(0).getData()
        .stream().map(d -> d.getYValue().doubleValue()).toList());
    assertEquals(List.of("S1", "S3"), sla.getData().get(0).getData().stream().map(XYChart.Data::getXValue).toList());
    BarChart<Number, String> noise = robot.lookup("#chart-noise").queryAs(BarChart.class);
    assertEquals("DiskIOFlap", noise.getData().get(0).getData().get(0).getYValue());
    assertEquals(1.0, noise.getData().get(0).getData().get(0).getXValue().doubleValue(),
        "closed before anybody took it");
    assertTrue(robot.lookup("#chart-weeks").tryQuery().isPresent());
    assertTrue(robot.lookup("#chart-prevention").tryQuery().isPresent());

    robot.clickOn("#analytics-mql").write("project = beta").type(KeyCode.ENTER);
    LiveConsole.await("the filtered report", () -> summary(robot).startsWith("3 incidents"));
    assertEquals(1.0, bars(robot, "durations").get("9h–16h").doubleValue());

    robot.clickOn("#analytics-mql").push(KeyCode.CONTROL, KeyCode.A).write("project = ").type(KeyCode.ENTER);
    LiveConsole.await("the MQL mistake shown under the filter", () -> robot.lookup("#analytics-mql-problem")
        .queryAs(Label.class).getText().startsWith("line 1, column"));
    assertTrue(summary(robot).startsWith("3 incidents"), "the last good report stays");

    files.saveTo = dir.resolve("durations.png");
    robot.clickOn("#export-durations");
    LiveConsole.await("the PNG written", () -> robot.lookup("#analytics-status").queryAs(Label.class).getText()
        .startsWith("Saved the How long failures lasted chart"));
    BufferedImage png = ImageIO.read(files.saveTo.toFile());
    BarChart<?, ?> chart = robot.lookup("#chart-durations").queryAs(BarChart.class);
    assertEquals(Math.ceil(chart.getWidth()), png.getWidth(), 1.0);
    assertEquals(Math.ceil(chart.getHeight()), png.getHeight(), 1.0);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < png.getWidth(); x += 4) {
      for (int y = 0; y < png.getHeight(); y += 4) {
        colours.add(png.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 10, "a picture, not a blank: " + colours.size() + " colours");
  }
}
