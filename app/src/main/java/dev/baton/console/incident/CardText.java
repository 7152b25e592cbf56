package dev.baton.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The card's texts that are computed, not stored: span or flapping summary, durations, holder chain. */
public final class CardText {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm:ss");
  private static final String ARROW = " → ";
  private static final String STILL_OPEN = "…";

  private final ZoneId zone;

  public CardText(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * {@code 15:09:47 → 15:13:47 → [8] → 17:41:17 → 17:41:47} for a flapping incident,
   * {@code 08:52:40 → 12:33:40} for one period, {@code → …} while it still fires. The first time
   * carries the date ({@code 03.09 08:52:40}) when it is not today.
   */
  public String span(FiringSummary firing, Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    StringBuilder text = new StringBuilder();
    Instant start = firing.first().start();
    text.append(start.atZone(zone).toLocalDate().equals(today) ? TIME.format(start.atZone(zone))
        : DAY_TIME.format(start.atZone(zone)));
    text.append(ARROW).append(end(firing.first()));
    if (firing.count() > 1) {
      if (firing.between() > 0) {
        text.append(ARROW).append('[').append(firing.between()).append(']');
      }
      text.append(ARROW).append(TIME.format(firing.last().start().atZone(zone)));
      text.append(ARROW).append(end(firing.last()));
    }
    return text.toString();
  }

  private String end(FiringPeriod period) {
    return period.open() ? STILL_OPEN : TIME.format(period.end().atZone(zone));
  }

  /** {@code 3h 41m 00s}, {@code 2d 04h 10m}, {@code 41m 05s}, {@code 12s}. */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    long secs = seconds % 60;
    // Built by hand, not String.format: open incidents' cards format theirs as the clock ticks.
    StringBuilder text = new StringBuilder(12);
    if (days > 0) {
      return twoDigits(twoDigits(text.append(days).append("d "), hours).append("h "), minutes).append('m').toString();
    }
    if (hours > 0) {
      return twoDigits(twoDigits(text.append(hours).append("h "), minutes).append("m "), secs).append('s').toString();
    }
    if (minutes > 0) {
      return twoDigits(text.append(minutes).append("m "), secs).append('s').toString();
    }
    return text.append(secs).append('s').toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, long value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /**
   * How long an open incident has lasted so far, to the minute ({@code 0m}, {@code 41m},
   * {@code 3h 41m}, {@code 2d 04h 10m}), as Alertmanager's and Grafana's consoles show ages. It is
   * shown live: to the minute, each open card's text changes once a minute, not every second for
   * seconds nobody reads beside a running SLA timer.
   */
  public static String openDuration(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds >= 86_400) {
      return duration(duration);
    }
    StringBuilder text = new StringBuilder(8);
    if (seconds < 3600) {
      return text.append(seconds / 60).append('m').toString();
    }
    return twoDigits(text.append(seconds / 3600).append("h "), seconds % 3600 / 60).append('m').toString();
  }

  /** How long the incident has lasted: until it closed, or until now. */
  public static Duration lasted(IncidentCard card, Instant now) {
    return Duration.between(card.opened(), card.closedAt().orElse(now));
  }

  /** {@code l1 → bravo}; an empty chain is {@code —}. */
  public static String holderChain(IncidentCard card) {
    return card.holderChain().isEmpty() ? "—" : String.join(ARROW, card.holderChain());
  }

  /** The card's title: its short description, else its triggers. */
  public static String title(IncidentCard card) {
    return card.shortDescription().isEmpty() ? String.join(", ", card.triggers()) : card.shortDescription();
  }

  /** {@code #12 S2 payments: Disk full}: the incident in one line (headings, notifications). */
  public static String oneLine(IncidentCard card) {
    return "#" + card.id() + " " + card.severity().label() + " " + card.project() + ": " + title(card);
  }
}
