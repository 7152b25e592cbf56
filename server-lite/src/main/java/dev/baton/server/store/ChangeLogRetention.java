package dev.baton.server.store;

import java.time.Duration;

/**
 * How much of the change log is kept for clients that reconnect: the newest {@code maxEvents}
 * rows, none older than {@code maxAge}. A client asking for an older position is told to reload.
 *
 * @param pruneEvery how often the writer deletes what is beyond (in a short transaction of its own)
 */
public record ChangeLogRetention(long maxEvents, Duration maxAge, Duration pruneEvery) {

  public static final ChangeLogRetention DEFAULT =
      new ChangeLogRetention(1_000_000, Duration.ofDays(7), Duration.ofSeconds(1));

  public ChangeLogRetention {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("the change log keeps at least one event");
    }
  }
}
