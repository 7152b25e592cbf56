package dev.baton.server.report;

import java.util.List;

/**
 * The duration histogram's bars: roughly ×2 apart (a log scale), with round bounds chosen so that
 * the two peaks the seed article found stand each in the middle of one bar: 45 min to 1 h 20 min
 * is centred on 1 h (√(45·80) = 60 min) and 9 h to 16 h on 12 h (√(9·16) = 12 h). A last bar holds
 * incidents whose end is unknown.
 */
final class DurationBuckets {

  /** Lower bounds in seconds; each bar ends where the next begins, the last is open. */
  static final long[] FROM = {0, 5 * 60, 10 * 60, 25 * 60, 45 * 60, 80 * 60, 150 * 60, 270 * 60, 9 * 3600,
      16 * 3600, 30 * 3600, 3 * 86400, 7 * 86400};
  static final List<String> LABELS = List.of("< 5 min", "5–10 min", "10–25 min", "25–45 min", "45 min – 1 h 20 min",
      "1 h 20 min – 2 h 30 min", "2 h 30 min – 4 h 30 min", "4 h 30 min – 9 h", "9 h – 16 h", "16 h – 30 h",
      "30 h – 3 d", "3 d – 7 d", "≥ 7 d");
  static final String UNKNOWN = "unknown (not ended)";

  private DurationBuckets() {}

  /** The bar of a duration in milliseconds (negative durations count as 0). */
  static int of(long millis) {
    long seconds = Math.max(0, millis) / 1000;
    int bar = 0;
    while (bar + 1 < FROM.length && seconds >= FROM[bar + 1]) {
      bar++;
    }
    return bar;
  }
}
