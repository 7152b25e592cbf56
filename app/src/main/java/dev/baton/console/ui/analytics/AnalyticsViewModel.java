package dev.baton.console.ui.analytics;

import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.QueryProblem;
import dev.baton.api.model.SlaReport;
import dev.baton.client.BatonApiException;
import dev.baton.console.analytics.ChartFigure;
import dev.baton.console.analytics.ReportFigures;
import dev.baton.console.analytics.Reports;
import dev.baton.console.incident.ConnectionWords;
import dev.baton.console.task.TaskExecutor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.imageio.ImageIO;

/**
 * The analytics view: an MQL filter and a range of days (UTC, {@code to} included) over which the
 * receiver's incident report is read, and the charts made from it. A mistake in the MQL is shown
 * under the filter with its line and column; the charts keep the last good report meanwhile.
 */
public final class AnalyticsViewModel {

  private final Reports reports;
  private final TaskExecutor tasks;
  private final Clock clock;
  private final StringProperty mql = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final ObservableList<ChartFigure> figures = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<IncidentReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper mqlProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private long asked;

  private record Both(IncidentReport incidents, SlaReport sla) {
  }

  public AnalyticsViewModel(Reports reports, TaskExecutor tasks, Clock clock) {
    this.reports = reports;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The last {@code period} up to today (UTC); null: everything. Then reads the report. */
  public void last(Period period) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    from.set(period == null ? null : today.minus(period));
    to.set(null);
    load();
  }

  /** Reads the report for the filter and range as they are now (a newer request wins over a slower older one). */
  public void load() {
    LocalDate first = from.get();
    LocalDate last = to.get();
    if (first != null && last != null && last.isBefore(first)) {
      status.set("The range ends (" + last + ") before it starts (" + first + ").");
      return;
    }
    String query = mql.get() == null ? "" : mql.get().strip();
    long request = ++asked;
    loading.set(true);
    status.set("Reading the report…");
    Instant since = first == null ? null : first.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant until = last == null ? null : last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    String mqlOrNull = query.isEmpty() ? null : query;
    tasks.execute(() -> new Both(reports.incidents(since, until, mqlOrNull), reports.sla(since, until, mqlOrNull)),
        answer -> {
          if (request != asked) {
            return;
          }
          loading.set(false);
          mqlProblem.set("");
          report.set(answer.incidents());
          figures.setAll(ReportFigures.of(answer.incidents(), answer.sla()));
          summary.set(ReportFigures.summary(answer.incidents()));
          status.set("Opened " + (first == null ? "since the first incident" : "from " + first)
              + (last == null ? " until now" : " to " + last + " (included)") + (query.isEmpty() ? "" : ", matching "
              + query) + ".");
        }, failure -> {
          if (request != asked) {
            return;
          }
          loading.set(false);
          if (failure instanceof BatonApiException api && "q".equals(api.parameter()) && !api.problems().isEmpty()) {
            QueryProblem p = api.problems().get(0);
            mqlProblem.set(String.format(Locale.ROOT, "line %d, column %d: %s", p.line(), p.column(), p.message()));
            status.set("The filter has a mistake; the charts show the last report.");
          } else {
            status.set("Report not read: " + ConnectionWords.problem(failure));
          }
        });
  }

  /** Writes a chart's picture as PNG to {@code target} off the UI thread. */
  public void savePng(String chart, BufferedImage image, Path target) {
    tasks.execute(() -> {
      if (!ImageIO.write(image, "png", target.toFile())) {
        throw new IOException("no PNG writer in this Java runtime");
      }
      return target;
    }, written -> status.set("Saved the " + chart + " chart to " + written + "."),
        failure -> status.set("The " + chart + " chart was not saved: " + failure.getMessage()));
  }

  /** {@code baton-durations-2026-11-21.png}: what the save dialog proposes. */
  public String pngName(ChartFigure figure) {
    return "baton-" + figure.id() + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".png";
  }

  public StringProperty mqlProperty() {
    return mql;
  }

  /** First day counted (UTC); null: since the first incident. */
  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  /** Last day counted (UTC, included); null: up to now. */
  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObservableList<ChartFigure> figures() {
    return figures;
  }

  public ReadOnlyObjectProperty<IncidentReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Where the MQL filter is wrong, or empty. */
  public ReadOnlyStringProperty mqlProblemProperty() {
    return mqlProblem.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}
