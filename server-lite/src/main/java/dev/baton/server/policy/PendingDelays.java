package dev.baton.server.policy;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How long an alert stays pending before it may open an incident: its own annotation
 * {@code baton_pending_for} (a duration such as {@code 5m}; {@code 0s} for none) when it carries a
 * valid one, else its project's delay for its severity, else the global one.
 */
public final class PendingDelays {

  /** The annotation an alert names its own pending delay with. */
  public static final String ANNOTATION = "baton_pending_for";
  /** Longer annotated delays are not taken (the severity's applies): a day is already a long wait for a page. */
  static final Duration LONGEST = Duration.ofDays(1);

  private PendingDelays() {}

  /** The delay by severity for one alert of {@code project} with these annotations. */
  public static Function<Severity, Duration> of(BatonConfig config, String project, Map<String, String> annotations) {
    Duration own = annotated(annotations.get(ANNOTATION));
    if (own != null) {
      return severity -> own;
    }
    return severity -> config.pendingDelay(project, severity);
  }

  /** The annotation's duration, or null when absent, not a duration, or longer than {@link #LONGEST}. */
  static Duration annotated(String text) {
    if (text == null) {
      return null;
    }
    Duration d = ConfigLoader.durationOf(text);
    return d == null || d.compareTo(LONGEST) > 0 ? null : d;
  }
}
