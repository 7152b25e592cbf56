package dev.baton.server.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** RFC 3339 times as senders write them, where Go's zero time {@code 0001-01-01T00:00:00Z} means "unset". */
final class Timestamps {

  /** Go's zero {@code time.Time}; amtool, Alertmanager and Grafana send it for "no time". */
  static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

  /** RFC 3339 plus the {@code +0000} offset form PagerDuty's examples use. */
  private static final DateTimeFormatter LENIENT_OFFSET = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

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
