package dev.baton.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes phase results for a person (text) and for later comparison (one TSV row per run). */
final class Report {

  static final List<String> TSV_COLUMNS = List.of(
      "target", "scenario", "distinct", "sends_per_alert", "batch", "connections",
      "alerts_accepted", "alerts_sent", "requests", "seconds", "alerts_per_s", "requests_per_s",
      "p50_ms", "p99_ms", "max_ms", "errors", "truncated", "rss_end_mib", "rss_peak_mib", "cpu_s",
      "written_mib", "loadgen_cpu_s");

  private Report() {}

  static void text(PrintWriter out, LoadSpec spec, PhaseResult r) {
    out.printf(Locale.ROOT, "%-9s %d alerts (%d distinct × %d), batch %d, %d connections → %s%n",
        r.phase(), r.alertsSent(), r.distinct(), r.sendsPerAlert(),
        spec.batch(), spec.connections(), spec.target());
    out.printf(Locale.ROOT, "  accepted    %d alerts in %.2f s%s%n", r.alertsAccepted(), r.seconds(),
        r.truncated() ? " (STOPPED by --max-seconds)" : "");
    out.printf(Locale.ROOT, "  throughput  %.0f alerts/s, %.0f requests/s%n", r.alertsPerSecond(), r.requestsPerSecond());
    out.printf(Locale.ROOT, "  latency     p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        ms(r.latency().p50()), ms(r.latency().p99()), ms(r.latency().max()));
    out.printf(Locale.ROOT, "  errors      %s%n", errors(r.errors()));
    if (r.target() != null) {
      PhaseResult.TargetUsage t = r.target();
      out.printf(Locale.ROOT, "  target %-5d RSS end %.0f MiB, peak %.0f MiB; CPU %.2f s (%.3f ms per alert)%n",
          t.pid(), mib(t.rssEndBytes()), mib(t.rssPeakBytes()), t.cpu().toNanos() / 1e9,
          r.alertsAccepted() == 0 ? 0.0 : t.cpu().toNanos() / 1e6 / r.alertsAccepted());
      if (t.writtenBytes() >= 0) {
        out.printf(Locale.ROOT, "  disk        %.1f MiB written (%.1f KiB per alert)%n", mib(t.writtenBytes()),
            r.alertsAccepted() == 0 ? 0.0 : t.writtenBytes() / 1024.0 / r.alertsAccepted());
      }
    }
    out.printf(Locale.ROOT, "  loadgen CPU %.2f s%n", r.loadgenCpu().toNanos() / 1e9);
    out.flush();
  }

  static void appendTsv(Path file, String target, String scenario, LoadSpec spec, PhaseResult r)
      throws IOException {
    PhaseResult.TargetUsage t = r.target();
    String row = String.join("\t",
        target, scenario,
        Integer.toString(r.distinct()), Integer.toString(r.sendsPerAlert()),
        Integer.toString(spec.batch()), Integer.toString(spec.connections()),
        Long.toString(r.alertsAccepted()), Long.toString(r.alertsSent()), Long.toString(r.requests()),
        fmt("%.3f", r.seconds()), fmt("%.0f", r.alertsPerSecond()), fmt("%.0f", r.requestsPerSecond()),
        fmt("%.3f", ms(r.latency().p50())), fmt("%.3f", ms(r.latency().p99())), fmt("%.3f", ms(r.latency().max())),
        errors(r.errors()).replace(' ', '_'), Boolean.toString(r.truncated()),
        t == null ? "" : fmt("%.1f", mib(t.rssEndBytes())),
        t == null ? "" : fmt("%.1f", mib(t.rssPeakBytes())),
        t == null ? "" : fmt("%.2f", t.cpu().toNanos() / 1e9),
        t == null || t.writtenBytes() < 0 ? "" : fmt("%.1f", mib(t.writtenBytes())),
        fmt("%.2f", r.loadgenCpu().toNanos() / 1e9));
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    String content = (fresh ? String.join("\t", TSV_COLUMNS) + "\n" : "") + row + "\n";
    Files.writeString(file, content, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static String errors(Map<String, Long> errors) {
    if (errors.isEmpty()) {
      return "none";
    }
    return errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static String fmt(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
