package dev.baton.server.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    Instant common = parseCommonForm(text);
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

  /**
   * The form every sender here writes, {@code 2026-11-21T13:11:30[.fraction](Z|+01:00)}, read
   * without the formatter machinery, which costs several times more per alert. Returns null for
   * anything else, including invalid dates, so the general path reports the problem.
   */
  static Instant parseCommonForm(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 1 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(t, start, count);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && t.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int hours = digits(t, i + 1, 2);
      int minutes = digits(t, i + 4, 2);
      if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
        return null;
      }
      offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
