package dev.baton.console.incident;

import java.util.Objects;

/**
 * The firing periods of an incident, summarised as the API sends them: the first period, how many
 * periods there were in all, and the last one (the same as the first when there was only one).
 */
public record FiringSummary(FiringPeriod first, int count, FiringPeriod last) {

  public FiringSummary {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (count < 1) {
      throw new IllegalArgumentException("a firing summary needs at least one period, got " + count);
    }
  }

  public static FiringSummary single(FiringPeriod period) {
    return new FiringSummary(period, 1, period);
  }

  /** Periods between the first and the last ones: the {@code [N]} of the card. */
  public int between() {
    return Math.max(0, count - 2);
  }

  public boolean flapping() {
    return count > 1;
  }
}
