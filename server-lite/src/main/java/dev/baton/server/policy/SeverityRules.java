package dev.baton.server.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives an alert's severity from its labels: {@code severity_level} 1..9 first, then
 * {@code impact} + {@code likelihood} (rank sum − 1), then the {@code severity} label through the
 * configured mapping, else the configured default.
 *
 * @param severityLabelMap lower-cased {@code severity} label value → severity
 * @param defaultSeverity  used when no label says anything usable
 */
public record SeverityRules(Map<String, Severity> severityLabelMap, Severity defaultSeverity) {

  /** Labels that carry severity; they never split an alert's identity. */
  public static final Set<String> SEVERITY_LABELS = Set.of("severity", "severity_level", "impact", "likelihood");

  /** Sensible defaults: critical=S2, error=S3, warning=S4, info=S7, unknown=S5. */
  public static final SeverityRules DEFAULT = new SeverityRules(
      Map.of("critical", Severity.of(2), "error", Severity.of(3), "warning", Severity.of(4), "info", Severity.of(7)),
      Severity.of(5));

  private static final List<String> IMPACTS = List.of("deadly", "catastrophic", "critical", "marginal", "negligible");
  private static final List<String> LIKELIHOODS = List.of("certain", "likely", "possible", "unlikely", "rare");

  public SeverityRules {
    severityLabelMap = Map.copyOf(severityLabelMap);
  }

  public Severity of(Map<String, String> labels) {
    Severity level = Severity.parse(labels.get("severity_level"));
    if (level != null) {
      return level;
    }
    int impact = rank(labels.get("impact"), IMPACTS);
    int likelihood = rank(labels.get("likelihood"), LIKELIHOODS);
    if (impact > 0 && likelihood > 0) {
      return Severity.of(impact + likelihood - 1);
    }
    String severity = labels.get("severity");
    if (severity != null) {
      Severity mapped = severityLabelMap.get(severity.trim().toLowerCase(Locale.ROOT));
      if (mapped != null) {
        return mapped;
      }
      Severity direct = Severity.parse(severity);
      if (direct != null) {
        return direct;
      }
    }
    return defaultSeverity;
  }

  /** 1..5 by name or digit; 0 when absent or unknown. */
  private static int rank(String value, List<String> names) {
    if (value == null) {
      return 0;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    int byName = names.indexOf(v);
    if (byName >= 0) {
      return byName + 1;
    }
    if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '5') {
      return v.charAt(0) - '0';
    }
    return 0;
  }
}
