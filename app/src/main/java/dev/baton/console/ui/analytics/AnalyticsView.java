package dev.baton.console.ui.analytics;

import dev.baton.console.analytics.ChartFigure;
import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.FileDialogs;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The analytics window: the report's charts two by two, each with its note and a PNG export. */
public final class AnalyticsView {

  /** Charts with more categories than this take a whole row. */
  private static final int WIDE = 10;
  /** Bar charts with this many categories or fewer keep their bars narrow. */
  private static final int FEW = 4;

  private final AnalyticsViewModel model;
  private final FileDialogs files;
  private final BorderPane root;
  private final Map<String, Chart> shown = new LinkedHashMap<>();
  @FXML
  private TextField mql;
  @FXML
  private DatePicker from;
  @FXML
  private DatePicker to;
  @FXML
  private Button apply;
  @FXML
  private Label mqlProblem;
  @FXML
  private Button last30;
  @FXML
  private Button last90;
  @FXML
  private Button lastYear;
  @FXML
  private Button all;
  @FXML
  private Label summary;
  @FXML
  private Label status;
  @FXML
  private GridPane charts;

  public AnalyticsView(AnalyticsViewModel model, FileDialogs files) {
    this.model = model;
    this.files = files;
    this.root = Fxml.load(this, "Analytics.fxml");
    for (int c = 0; c < 2; c++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(50);
      column.setHgrow(Priority.ALWAYS);
      charts.getColumnConstraints().add(column);
    }
    mql.textProperty().bindBidirectional(model.mqlProperty());
    mql.setOnAction(e -> model.load());
    from.valueProperty().bindBidirectional(model.fromProperty());
    to.valueProperty().bindBidirectional(model.toProperty());
    apply.setOnAction(e -> model.load());
    apply.disableProperty().bind(model.loadingProperty());
    last30.setOnAction(e -> model.last(Period.ofDays(30)));
    last90.setOnAction(e -> model.last(Period.ofDays(90)));
    lastYear.setOnAction(e -> model.last(Period.ofYears(1)));
    all.setOnAction(e -> model.last(null));
    mqlProblem.textProperty().bind(model.mqlProblemProperty());
    mqlProblem.visibleProperty().bind(mqlProblem.textProperty().isNotEmpty());
    mqlProblem.managedProperty().bind(mqlProblem.visibleProperty());
    summary.textProperty().bind(model.summaryProperty());
    status.textProperty().bind(model.statusProperty());
    model.figures().addListener((ListChangeListener<ChartFigure>) c -> showCharts());
    showCharts();
  }

  private void showCharts() {
    charts.getChildren().clear();
    shown.clear();
    int row = 0;
    int column = 0;
    for (ChartFigure figure : model.figures()) {
      if (figure.points().size() > WIDE) {
        // Many categories: the whole row, so their labels fit (the histogram, the weeks).
        if (column == 1) {
          row++;
        }
        charts.add(card(figure), 0, row++, 2, 1);
        column = 0;
      } else {
        charts.add(card(figure), column, row);
        row += column;
        column = 1 - column;
      }
    }
  }

  private VBox card(ChartFigure figure) {
    Chart chart = chart(figure);
    chart.setId("chart-" + figure.id());
    chart.setTitle(figure.title());
    chart.setAnimated(false);
    chart.setPrefHeight(300);
    chart.setMinHeight(260);
    shown.put(figure.id(), chart);
    Label note = new Label(figure.empty() ? "Nothing to chart yet: " + figure.note() : figure.note());
    note.setWrapText(true);
    note.getStyleClass().add("text-muted");
    HBox.setHgrow(note, Priority.ALWAYS);
    note.setMaxWidth(Double.MAX_VALUE);
    Button png = new Button("PNG…");
    png.setId("export-" + figure.id());
    png.getStyleClass().add("small");
    png.setMinWidth(Region.USE_PREF_SIZE);
    png.setOnAction(e -> exportPng(figure));
    HBox head = new HBox(8, note, png);
    head.setAlignment(Pos.TOP_LEFT);
    VBox card = new VBox(chart, head);
    card.getStyleClass().add(BatonStyle.CHART_CARD);
    return card;
  }

  /** Asks where, then writes the chart as it is drawn now. */
  public void exportPng(ChartFigure figure) {
    Chart chart = shown.get(figure.id());
    files.save(window(), "Save the chart as PNG", model.pngName(figure), "PNG image", "png").ifPresent(target -> {
      WritableImage image = chart.snapshot(null, null);
      model.savePng(figure.title(), SwingFXUtils.fromFXImage(image, null), target);
    });
  }

  private static Chart chart(ChartFigure figure) {
    return switch (figure.kind()) {
      case PIE -> pie(figure);
      case RANKED -> ranked(figure);
      case LINE -> {
        LineChart<String, Number> line = new LineChart<>(new CategoryAxis(), axis(figure));
        fill(line, figure);
        line.setLegendVisible(false);
        yield line;
      }
      case BARS -> {
        BarChart<String, Number> bars = new BarChart<>(new CategoryAxis(), axis(figure));
        fill(bars, figure);
        bars.setLegendVisible(figure.series().size() > 1);
        bars.setCategoryGap(figure.series().size() > 1 ? 14 : 4);
        bars.setBarGap(1);
        int categories = figure.points().size();
        if (categories > 0 && categories <= FEW) {
          // A few severities over half the window: bars of half the room each, not slabs.
          bars.widthProperty().addListener((obs, was, now) ->
              bars.setCategoryGap(Math.max(14, now.doubleValue() / categories / 2)));
        }
        yield bars;
      }
    };
  }

  private static NumberAxis axis(ChartFigure figure) {
    NumberAxis axis = new NumberAxis();
    axis.setLabel(figure.valueAxis());
    axis.setMinorTickVisible(false);
    axis.setForceZeroInRange(true);
    return axis;
  }

  private static void fill(XYChart<String, Number> chart, ChartFigure figure) {
    for (ChartFigure.Series series : figure.series()) {
      XYChart.Series<String, Number> s = new XYChart.Series<>();
      s.setName(series.name());
      for (ChartFigure.Point p : series.points()) {
        s.getData().add(new XYChart.Data<>(p.label(), p.value()));
      }
      chart.getData().add(s);
    }
  }

  /** Horizontal bars, the first (largest) on top. */
  private static Chart ranked(ChartFigure figure) {
    BarChart<Number, String> bars = new BarChart<>(axis(figure), new CategoryAxis());
    XYChart.Series<Number, String> s = new XYChart.Series<>();
    List<ChartFigure.Point> points = new ArrayList<>(figure.points());
    java.util.Collections.reverse(points);
    for (ChartFigure.Point p : points) {
      s.getData().add(new XYChart.Data<>(p.value(), p.label()));
    }
    bars.getData().add(s);
    bars.setLegendVisible(false);
    bars.setCategoryGap(6);
    return bars;
  }

  private static Chart pie(ChartFigure figure) {
    PieChart pie = new PieChart();
    double total = figure.points().stream().mapToDouble(ChartFigure.Point::value).sum();
    for (ChartFigure.Point p : figure.points()) {
      if (p.value() > 0) {
        pie.getData().add(new PieChart.Data(p.label() + " " + Math.round(100 * p.value() / total) + " %",
            p.value()));
      }
    }
    pie.setLegendVisible(false);
    pie.setLabelLineLength(12);
    pie.setStartAngle(90);
    return pie;
  }

  /** The chart drawn for figure {@code id} ({@code durations}, {@code triggers}…), or null. */
  public Chart chart(String id) {
    return shown.get(id);
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  /** Shows the view in a window of its own and reads the last 90 days. */
  public Stage show(Window owner) {
    Stage stage = Dialogs.window(owner, "Analytics — Baton", root, 1280, 860);
    model.last(Period.ofDays(90));
    return stage;
  }

  public AnalyticsViewModel model() {
    return model;
  }

  public BorderPane root() {
    return root;
  }
}
