package dev.baton.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves forward by hand. */
public final class MovableClock extends Clock {

  private final ZoneId zone;
  private volatile Instant now;

  public MovableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  public MovableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MovableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
