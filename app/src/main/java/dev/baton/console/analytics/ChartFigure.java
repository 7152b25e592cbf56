package dev.baton.console.analytics;

import java.util.List;

/**
 * One chart of the analytics view, as data: what it is titled, how it is drawn, and its series
 * of labelled values. Built from a report by {@link ReportFigures}; the view only draws it.
 *
 * @param id        stable name (file names of PNG exports, test lookups): {@code durations}, {@code triggers}…
 * @param note      one line under the title: what the figure counts, its base, its headline share
 * @param valueAxis what the values are ({@code incidents}, {@code minutes})
 */
public record ChartFigure(String id, String title, String note, Kind kind, String valueAxis, List<Series> series) {

  /** How the figure is drawn. */
  public enum Kind {
    /** Vertical bars over categories in the given order (several series side by side). */
    BARS,
    /** Horizontal bars, the first point on top: rankings. */
    RANKED,
    /** Shares of a whole. */
    PIE,
    /** A line over time. */
    LINE
  }

  /** A named series of points. */
  public record Series(String name, List<Point> points) {
  }

  /** A category and its value. */
  public record Point(String label, double value) {
  }

  /** The values of the first series by label, in order. */
  public List<Point> points() {
    return series.isEmpty() ? List.of() : series.get(0).points();
  }

  /** True when every value is 0: the view says "nothing to chart" instead of drawing empty axes. */
  public boolean empty() {
    return series.stream().allMatch(s -> s.points().stream().allMatch(p -> p.value() == 0));
  }
}
