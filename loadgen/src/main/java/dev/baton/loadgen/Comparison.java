package dev.baton.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the TSV rows of two targets side by side, one markdown table row per scenario, with the
 * candidate-to-baseline ratio of alerts/s (above 1.0: the candidate is faster). When a scenario
 * was run several times, the run with the median alerts/s stands for it (its latency, RSS and CPU
 * are shown) and the range of alerts/s over all runs is shown beside it.
 */
final class Comparison {

  private final List<String> scenarios = new ArrayList<>();
  /** scenario → target → runs in file order */
  private final Map<String, Map<String, List<Map<String, String>>>> byScenario = new HashMap<>();

  private Comparison() {}

  /** Reads a TSV written by {@link Report#appendTsv}. */
  static Comparison read(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(tsv + " is empty");
    }
    String[] header = lines.get(0).split("\t", -1);
    if (!List.of(header).equals(Report.TSV_COLUMNS)) {
      throw new IllegalArgumentException(tsv + " line 1: not a baton-loadgen results header (expected "
          + String.join(",", Report.TSV_COLUMNS) + ")");
    }
    Comparison c = new Comparison();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      String[] cells = lines.get(n).split("\t", -1);
      if (cells.length != header.length) {
        throw new IllegalArgumentException(tsv + " line " + (n + 1) + ": " + cells.length
            + " columns, expected " + header.length);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      String scenario = row.get("scenario");
      if (!c.byScenario.containsKey(scenario)) {
        c.scenarios.add(scenario);
      }
      c.byScenario.computeIfAbsent(scenario, k -> new HashMap<>())
          .computeIfAbsent(row.get("target"), k -> new ArrayList<>()).add(row);
    }
    return c;
  }

  void markdown(PrintWriter out, String baseline, String candidate) {
    out.printf("| scenario | %1$s alerts/s | %2$s alerts/s | ratio | %1$s range | %2$s range"
        + " | %1$s p50 / p99 ms | %2$s p50 / p99 ms | %1$s RSS end MiB | %2$s RSS end MiB"
        + " | %1$s CPU s | %2$s CPU s | %1$s written MiB | %2$s written MiB | errors %1$s / %2$s |%n",
        baseline, candidate);
    out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
    for (String scenario : scenarios) {
      List<Map<String, String>> bRuns = byScenario.get(scenario).getOrDefault(baseline, List.of());
      List<Map<String, String>> cRuns = byScenario.get(scenario).getOrDefault(candidate, List.of());
      Map<String, String> b = median(bRuns);
      Map<String, String> c = median(cRuns);
      Map<String, String> any = b != null ? b : c;
      if (any == null) {
        continue;
      }
      out.printf("| %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |%n",
          scenario, describe(any),
          cell(b, "alerts_per_s"), cell(c, "alerts_per_s"), ratio(b, c),
          range(bRuns), range(cRuns),
          latency(b), latency(c),
          cell(b, "rss_end_mib"), cell(c, "rss_end_mib"),
          cell(b, "cpu_s"), cell(c, "cpu_s"),
          cell(b, "written_mib"), cell(c, "written_mib"),
          cell(b, "errors"), cell(c, "errors"));
    }
    out.flush();
  }

  /** The run with the median alerts/s (the lower middle one of an even count), or null for none. */
  private static Map<String, String> median(List<Map<String, String>> runs) {
    if (runs.isEmpty()) {
      return null;
    }
    List<Map<String, String>> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(r -> Double.parseDouble(r.get("alerts_per_s"))));
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static String range(List<Map<String, String>> runs) {
    if (runs.isEmpty()) {
      return "—";
    }
    DoubleSummaryStatistics s = runs.stream().mapToDouble(r -> Double.parseDouble(r.get("alerts_per_s")))
        .summaryStatistics();
    return runs.size() == 1 ? "1 run" : String.format(Locale.ROOT, "%.0f–%.0f (%d runs)", s.getMin(), s.getMax(), runs.size());
  }

  private static String describe(Map<String, String> row) {
    int distinct = Integer.parseInt(row.get("distinct"));
    int sends = Integer.parseInt(row.get("sends_per_alert"));
    String alerts = distinct % 1000 == 0 ? distinct / 1000 + "k" : Integer.toString(distinct);
    return alerts + " distinct" + (sends > 1 ? " × " + sends + " sends" : "")
        + ", batch " + row.get("batch") + ", " + row.get("connections") + " conn";
  }

  private static String cell(Map<String, String> row, String column) {
    if (row == null) {
      return "—";
    }
    String v = row.get(column);
    return v == null || v.isEmpty() ? "—" : v;
  }

  private static String latency(Map<String, String> row) {
    return row == null ? "—" : row.get("p50_ms") + " / " + row.get("p99_ms");
  }

  private static String ratio(Map<String, String> baseline, Map<String, String> candidate) {
    if (baseline == null || candidate == null) {
      return "—";
    }
    double b = Double.parseDouble(baseline.get("alerts_per_s"));
    double c = Double.parseDouble(candidate.get("alerts_per_s"));
    return b == 0 ? "—" : String.format(Locale.ROOT, "%.2f", c / b);
  }
}
