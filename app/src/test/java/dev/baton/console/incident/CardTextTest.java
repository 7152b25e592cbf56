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
  }

  @Test
  void holderChain() {
    IncidentCard card = SampleIncidents.around(now).get(1);
    assertEquals("l1 → bravo", CardText.holderChain(card));
    assertEquals("bravo", card.holder());
  }
}
