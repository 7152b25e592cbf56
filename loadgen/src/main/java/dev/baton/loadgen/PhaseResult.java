package dev.baton.loadgen;

import java.time.Duration;
import java.util.SortedMap;

/**
 * What one phase (warm-up or measured) of a run achieved.
 *
 * @param phase          "warmup" or "measured"
 * @param distinct       different alerts posted in this phase
 * @param sendsPerAlert  how often each of them was posted
 * @param alertsSent     alerts in every request that was sent, whatever the answer
 * @param alertsAccepted alerts in requests answered 2xx
 * @param requests       requests that got an answer or failed
 * @param elapsed        wall time from the first request to the last answer
 * @param latency        request latency distribution, send to last byte of the answer
 * @param errors         non-2xx answers by status code, and "io" for connection failures
 * @param truncated      true when the time bound stopped the phase before all alerts were sent
 * @param target         the target process's memory and CPU, or null without --pid
 * @param loadgenCpu     CPU time the load generator itself used, to judge how much it took from the target
 */
record PhaseResult(
    String phase,
    int distinct,
    int sendsPerAlert,
    long alertsSent,
    long alertsAccepted,
    long requests,
    Duration elapsed,
    Latency latency,
    SortedMap<String, Long> errors,
    boolean truncated,
    TargetUsage target,
    Duration loadgenCpu) {

  double seconds() {
    return elapsed.toNanos() / 1e9;
  }

  double alertsPerSecond() {
    return alertsAccepted / seconds();
  }

  double requestsPerSecond() {
    return requests / seconds();
  }

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Percentiles of request latency, in nanoseconds. */
  record Latency(long p50, long p99, long max) {

    /** Nearest-rank percentiles of {@code sorted}, which must be sorted ascending. */
    static Latency of(long[] sorted) {
      if (sorted.length == 0) {
        return new Latency(0, 0, 0);
      }
      return new Latency(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, index)];
    }
  }

  /**
   * The target's resources during the phase.
   *
   * @param rssEndBytes  resident memory when the phase ended
   * @param rssPeakBytes highest resident memory sampled during the phase
   * @param cpu          user + system CPU the target used during the phase
   * @param writtenBytes bytes the target wrote to storage during the phase, -1 when unknown
   */
  record TargetUsage(long pid, long rssEndBytes, long rssPeakBytes, Duration cpu, long writtenBytes) {}
}
