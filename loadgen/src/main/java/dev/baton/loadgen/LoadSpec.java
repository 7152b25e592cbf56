package dev.baton.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One load to apply: {@code distinct} alerts, each posted {@code sendsPerAlert} times, in requests
 * of {@code batch} alerts, by {@code connections} workers that each keep one connection and send
 * sequentially.
 *
 * @param target        the full URL alerts are posted to, e.g. http://127.0.0.1:9093/api/v2/alerts
 * @param connections   concurrent workers, one keep-alive connection each
 * @param batch         alerts per request (the JSON array's length)
 * @param distinct      how many different alerts (label sets) exist
 * @param sendsPerAlert how often each alert is posted; 1 = every alert once, R &gt; 1 = re-sent as Prometheus does
 * @param warmupAlerts  alerts posted first with their own labels and left out of the figures
 * @param maxDuration   the run stops here even when not all alerts are sent
 * @param runId         label value that keeps the alerts of this run apart from earlier runs
 */
public record LoadSpec(
    URI target,
    int connections,
    int batch,
    int distinct,
    int sendsPerAlert,
    int warmupAlerts,
    Duration maxDuration,
    String runId) {

  /** Upper bound on alerts in one run: keeps latency arrays and the target's memory bounded. */
  public static final long MAX_TOTAL_ALERTS = 10_000_000L;

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  public LoadSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(runId, "runId");
    require(connections >= 1 && connections <= 256, "--connections must be 1..256, got " + connections);
    require(batch >= 1 && batch <= 10_000, "--batch must be 1..10000, got " + batch);
    require(distinct >= 1, "--alerts must be at least 1, got " + distinct);
    require(sendsPerAlert >= 1 && sendsPerAlert <= 1000, "--resend must be 1..1000, got " + sendsPerAlert);
    require(warmupAlerts >= 0, "--warmup must not be negative, got " + warmupAlerts);
    require((long) distinct * sendsPerAlert + warmupAlerts <= MAX_TOTAL_ALERTS,
        "--alerts × --resend + --warmup must stay within " + MAX_TOTAL_ALERTS + " alerts");
    require(!maxDuration.isNegative() && !maxDuration.isZero(), "--max-seconds must be positive");
    // The run id goes into JSON and labels verbatim, so it is restricted to characters that need no escaping.
    require(RUN_ID.matcher(runId).matches(), "--run-id must be 1..40 of [A-Za-z0-9_-], got '" + runId + "'");
  }

  /** Alerts posted in the measured phase. */
  public long totalAlerts() {
    return (long) distinct * sendsPerAlert;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
