package dev.baton.server.ingest;

import dev.baton.api.time.Rfc3339Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/** RFC 3339 times as senders write them, where Go's zero time {@code 0001-01-01T00:00:00Z} means "unset". */
final class Timestamps {

  /** Go's zero {@code time.Time}; amtool, Alertmanager and Grafana send it for "no time". */
  static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

  /** RFC 3339 plus the {@code +0000} offset form PagerDuty's examples use. */
  private static final DateTimeFormatter LENIENT_OFFSET = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter()
      // STRICT: February 30th or 24:00 is an error, not silently another day.
      .withResolverStyle(ResolverStyle.STRICT);

  private static final int MAX_TEXT = 64;

  private Timestamps() {}

  /**
   * Parses {@code text}; returns null for Go's zero time.
   *
   * @throws IllegalArgumentException with a message for a person when the text is no usable time
   */
  static Instant parse(String text) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("is not an RFC 3339 time (" + text.length() + " characters long)");
    }
    Instant common = Rfc3339Times.parse(text);
    if (common != null) {
      return common.equals(GO_ZERO) ? null : common;
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text, LENIENT_OFFSET);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "is not an RFC 3339 time with a zone, like 2026-11-21T13:11:30Z: \"" + text + "\"");
    }
    int year = time.getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year " + year + " is out of range 0001..9999: \"" + text + "\"");
    }
    Instant instant = time.toInstant();
    return instant.equals(GO_ZERO) ? null : instant;
  }
}
