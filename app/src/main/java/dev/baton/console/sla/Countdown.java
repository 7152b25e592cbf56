package dev.baton.console.sla;

import dev.baton.console.incident.Sla;
import java.time.Duration;
import java.time.Instant;

/**
 * What an SLA cell shows at a given moment: the time left to the deadline ({@code mm:ss} or
 * {@code h:mm:ss}), amber in the last fifth of the response time, red and counting up
 * ({@code +mm:ss}) once overdue; the class name for async and retro incidents.
 */
public final class Countdown {

  /** How alarming the reading is; the view maps each to a colour. */
  public enum Phase { CALM, AMBER, OVERDUE, ASYNC, RETRO }

  public record Reading(String text, Phase phase) {
  }

  private Countdown() {
  }

  public static Reading read(Sla sla, Instant now) {
    switch (sla.slaClass()) {
      case ASYNC:
        return new Reading("async", Phase.ASYNC);
      case RETRO:
        return new Reading("retro", Phase.RETRO);
      default:
        break;
    }
    Duration left = Duration.between(now, sla.deadline());
    if (left.isNegative() || left.isZero()) {
      return new Reading("+" + clock(left.negated()), Phase.OVERDUE);
    }
    // Whole seconds left, rounded up: the timer reaches 00:00 exactly at the deadline.
    long seconds = (left.toMillis() + 999) / 1000;
    return new Reading(clock(Duration.ofSeconds(seconds)),
        inLastFifth(left, sla.responseTime()) ? Phase.AMBER : Phase.CALM);
  }

  /**
   * Whether five times {@code left} is at most {@code responseTime}, to the nanosecond. Not
   * {@code Duration.multipliedBy}, which computes in {@code BigDecimal}: every visible timer asks
   * each second, and with 500 of them that was three quarters of what the UI thread allocated.
   */
  static boolean inLastFifth(Duration left, Duration responseTime) {
    long fiveNanos = 5L * left.getNano();
    long seconds = 5 * left.getSeconds() + fiveNanos / 1_000_000_000L; // Instants span far less than 2^63 / 5 s
    long nanos = fiveNanos % 1_000_000_000L;
    return seconds < responseTime.getSeconds()
        || seconds == responseTime.getSeconds() && nanos <= responseTime.getNano();
  }

  /** {@code 04:59}, {@code 1:02:03}. Built by hand: every visible timer formats one each second. */
  static String clock(Duration duration) {
    long seconds = duration.getSeconds();
    long hours = seconds / 3600;
    StringBuilder text = new StringBuilder(9);
    if (hours > 0) {
      text.append(hours).append(':');
    }
    twoDigits(text, seconds % 3600 / 60).append(':');
    return twoDigits(text, seconds % 60).toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, long value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
