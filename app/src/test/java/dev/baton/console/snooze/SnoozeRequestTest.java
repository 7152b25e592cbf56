package dev.baton.console.snooze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnoozeRequestTest {

  @Test
  void bodiesAsTheSnoozeEndpointTakesThem() {
    assertEquals(Map.of("for", "30m", "close_if_ok", true, "comment", "deploy"),
        SnoozeRequest.lasting(Duration.ofMinutes(30), true, " deploy ").body());
    assertEquals(Map.of("until", "2026-11-22T09:00:00Z", "close_if_ok", false, "comment", ""),
        SnoozeRequest.until(Instant.parse("2026-11-22T09:00:00Z"), false, null).body());
    assertEquals(Map.of("forever", true, "close_if_ok", false, "comment", "known noise"),
        SnoozeRequest.forever(false, "known noise").body());
  }

  @Test
  void durationsInTheReceiversSyntax() {
    assertEquals("1h", SnoozeRequest.goDuration(Duration.ofHours(1)));
    assertEquals("6h", SnoozeRequest.goDuration(Duration.ofHours(6)));
    assertEquals("1h30m", SnoozeRequest.goDuration(Duration.ofMinutes(90)));
    assertEquals("45s", SnoozeRequest.goDuration(Duration.ofSeconds(45)));
  }

  @Test
  void exactlyOneKind() {
    assertThrows(IllegalArgumentException.class,
        () -> new SnoozeRequest(Duration.ofMinutes(5), Instant.now(), false, false, ""));
    assertThrows(IllegalArgumentException.class, () -> new SnoozeRequest(null, null, false, false, ""));
    assertThrows(IllegalArgumentException.class, () -> SnoozeRequest.lasting(Duration.ZERO, false, ""));
  }
}
