package dev.baton.api.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Times read by position are what java.time's general parsers read; anything else is left to them (null). */
class Rfc3339TimesTest {

  @Test
  void agreesWithOffsetDateTimeForEveryOffset() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      OffsetDateTime time = OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000),
          ZoneOffset.ofTotalSeconds((random.nextInt(35) - 17) * 3600 + (random.nextBoolean() ? 0 : 30 * 60)));
      String text = time.toString();
      assertEquals(OffsetDateTime.parse(text).toInstant(), Rfc3339Times.parse(text), text);
    }
  }

  @Test
  void agreesWithInstantParseForWhatTheReceiverWrites() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = Math.max(random.nextLong() % 253_402_300_799L, -62_135_596_800L); // 0001..9999
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      String text = Instant.ofEpochSecond(seconds, nanos).toString(); // ISO_INSTANT, as the receiver writes
      assertEquals(Instant.parse(text), Rfc3339Times.parse(text), text);
    }
  }

  @Test
  void leavesEverythingElseToTheGeneralParser() {
    for (String text : new String[] {"2026-11-21t22:20:57Z", "2026-11-21T22:20:57", "2026-11-21T22:20:57.Z",
        "2026-11-21T22:20:57.1234567890Z", "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-21T24:00:00Z",
        "2026-11-21T13:11:30+19:00", "2026-11-21T13:11:30 Z", "0000-01-01T00:00:00Z", "+12026-11-21T22:20:57Z",
        "2026-1x-21T22:20:57Z", "２０２６-11-21T13:11:30Z", "2026-11-21", ""}) {
      assertNull(Rfc3339Times.parse(text), text);
    }
  }
}
