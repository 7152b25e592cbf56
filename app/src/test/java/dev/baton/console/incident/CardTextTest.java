package dev.baton.console.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CardTextTest {

  private final CardText text = new CardText(ZoneOffset.UTC);
  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");

  private static FiringPeriod period(String start, String end) {
    return new FiringPeriod(Instant.parse("2026-11-21T" + start + "Z"),
        end == null ? null : Instant.parse("2026-11-21T" + end + "Z"));
  }

  @Test
  void flappingShowsFirstCountAndLast() {
    FiringSummary flapping = new FiringSummary(period("15:09:47", "15:13:47"), 10, period("17:41:17", "17:41:47"));
    assertEquals("15:09:47 → 15:13:47 → [8] → 17:41:17 → 17:41:47", text.span(flapping, now));
  }

  @Test
  void stillFiringEndsWithEllipsisAndTwoPeriodsHaveNoCount() {
    FiringSummary two = new FiringSummary(period("15:09:47", "15:13:47"), 2, period("17:41:17", null));
    assertEquals("15:09:47 → 15:13:47 → 17:41:17 → …", text.span(two, now));
    assertEquals("08:52:40 → …", text.span(FiringSummary.single(period("08:52:40", null)), now));
  }

  @Test
  void anEarlierDayCarriesTheDate() {
    FiringPeriod p = new FiringPeriod(Instant.parse("2026-09-03T08:52:40Z"), Instant.parse("2026-09-03T12:33:40Z"));
    assertEquals("03.09 08:52:40 → 12:33:40", text.span(FiringSummary.single(p), now));
  }

  @Test
  void durations() {
    assertEquals("3h 41m 00s", CardText.duration(Duration.ofSeconds(3 * 3600 + 41 * 60)));
    assertEquals("41m 05s", CardText.duration(Duration.ofSeconds(41 * 60 + 5)));
    assertEquals("12s", CardText.duration(Duration.ofSeconds(12)));
    assertEquals("2d 04h 10m", CardText.duration(Duration.ofSeconds(2 * 86_400 + 4 * 3600 + 600 + 7)));
    assertEquals("0s", CardText.duration(Duration.ofMillis(999)));
    assertEquals("0s", CardText.duration(Duration.ofSeconds(-5)), "a clock behind the receiver's shows no negative time");
    assertEquals("1m 00s", CardText.duration(Duration.ofSeconds(60)));
    assertEquals("23h 59m 59s", CardText.duration(Duration.ofSeconds(86_399)));
    assertEquals("1d 00h 00m", CardText.duration(Duration.ofSeconds(86_400)));
    assertEquals("400d 23h 59m", CardText.duration(Duration.ofSeconds(400 * 86_400L + 86_399)));
  }

  @Test
  void openDurationsCountMinutes() {
    assertEquals("0m", CardText.openDuration(Duration.ofSeconds(12)));
    assertEquals("0m", CardText.openDuration(Duration.ofMillis(59_999)));
    assertEquals("1m", CardText.openDuration(Duration.ofSeconds(60)));
    assertEquals("59m", CardText.openDuration(Duration.ofSeconds(3599)));
    assertEquals("1h 00m", CardText.openDuration(Duration.ofSeconds(3600)));
    assertEquals("3h 41m", CardText.openDuration(Duration.ofSeconds(3 * 3600 + 41 * 60 + 59)));
    assertEquals("23h 59m", CardText.openDuration(Duration.ofSeconds(86_399)));
    assertEquals("2d 04h 10m", CardText.openDuration(Duration.ofSeconds(2 * 86_400 + 4 * 3600 + 600 + 7)));
    assertEquals("0m", CardText.openDuration(Duration.ofSeconds(-5)), "a clock behind the receiver's shows no negative time");
  }

  @Test
  void holderChain() {
    IncidentCard card = SampleIncidents.around(now).get(1);
    assertEquals("l1 → bravo", CardText.holderChain(card));
    assertEquals("bravo", card.holder());
  }
}
