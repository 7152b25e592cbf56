package dev.baton.console.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One period an alert was firing; {@code end} is null while it still fires. */
public record FiringPeriod(Instant start, Instant end) {

  public FiringPeriod {
    Objects.requireNonNull(start, "start");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("period ends " + end + " before it starts " + start);
    }
  }

  public Optional<Instant> endTime() {
    return Optional.ofNullable(end);
  }

  public boolean open() {
    return end == null;
  }
}
