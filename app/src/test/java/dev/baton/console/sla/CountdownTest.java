package dev.baton.console.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.incident.Sla;
import dev.baton.console.sla.Countdown.Phase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownTest {

  private static final Instant DEADLINE = Instant.parse("2026-11-21T15:10:00Z");
  private static final Sla TEN_MINUTES = Sla.urgent(Duration.ofMinutes(10), DEADLINE);

  private static Countdown.Reading at(Sla sla, long secondsBeforeDeadline) {
    return Countdown.read(sla, DEADLINE.minusSeconds(secondsBeforeDeadline));
  }

  @Test
  void countsDownCalmUntilTheLastFifth() {
    assertEquals(new Countdown.Reading("10:00", Phase.CALM), at(TEN_MINUTES, 600));
    assertEquals(new Countdown.Reading("02:01", Phase.CALM), at(TEN_MINUTES, 121));
    assertEquals(new Countdown.Reading("02:00", Phase.AMBER), at(TEN_MINUTES, 120));
    assertEquals(new Countdown.Reading("00:01", Phase.AMBER), at(TEN_MINUTES, 1));
  }

  @Test
  void theLastFifthStartsToTheNanosecond() {
    assertEquals(Phase.CALM, Countdown.read(TEN_MINUTES, DEADLINE.minusSeconds(120).minusNanos(1)).phase());
    assertEquals(Phase.AMBER, Countdown.read(TEN_MINUTES, DEADLINE.minusSeconds(120)).phase());
    Sla odd = Sla.urgent(Duration.ofSeconds(7, 3), DEADLINE); // a fifth is 1.4000000006 s
    assertEquals(Phase.CALM, Countdown.read(odd, DEADLINE.minusSeconds(1).minusNanos(400_000_001)).phase());
    assertEquals(Phase.AMBER, Countdown.read(odd, DEADLINE.minusSeconds(1).minusNanos(400_000_000)).phase());
    Sla decade = Sla.urgent(Duration.ofDays(3650), DEADLINE);
    assertEquals(Phase.CALM, Countdown.read(decade, DEADLINE.minus(Duration.ofDays(731))).phase());
    assertEquals(Phase.AMBER, Countdown.read(decade, DEADLINE.minus(Duration.ofDays(730))).phase());
  }

  @Test
  void partSecondsRoundUpSoZeroIsTheDeadline() {
    assertEquals("00:01", Countdown.read(TEN_MINUTES, DEADLINE.minusMillis(1)).text());
  }

  @Test
  void overdueIsRedAndCountsUp() {
    assertEquals(new Countdown.Reading("+00:00", Phase.OVERDUE), at(TEN_MINUTES, 0));
    assertEquals(new Countdown.Reading("+01:05", Phase.OVERDUE), at(TEN_MINUTES, -65));
    assertEquals(new Countdown.Reading("+1:00:05", Phase.OVERDUE), at(TEN_MINUTES, -3605));
  }

  @Test
  void longDeadlinesShowHours() {
    Sla day = Sla.urgent(Duration.ofHours(3), DEADLINE);
    assertEquals(new Countdown.Reading("2:59:59", Phase.CALM), at(day, 3 * 3600 - 1));
  }

  @Test
  void asyncAndRetroShowTheirClass() {
    assertEquals(new Countdown.Reading("async", Phase.ASYNC), Countdown.read(Sla.async(), DEADLINE));
    assertEquals(new Countdown.Reading("retro", Phase.RETRO), Countdown.read(Sla.retro(), DEADLINE));
  }
}
