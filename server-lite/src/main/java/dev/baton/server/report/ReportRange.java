package dev.baton.server.report;

import dev.baton.server.query.BadRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A report's {@code [from, to)}: each an ISO time or a date (UTC midnight), each optional (null).
 *
 * @throws BadRequest naming the parameter when a bound is unreadable or {@code to} is not after {@code from}
 */
record ReportRange(Instant from, Instant to) {

  static ReportRange parse(String fromText, String toText) {
    Instant from = time(fromText, "from");
    Instant to = time(toText, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BadRequest("to", "to (" + to + ") must be after from (" + from + ")");
    }
    return new ReportRange(from, to);
  }

  private static Instant time(String text, String parameter) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.trim();
    try {
      return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadRequest(parameter, parameter + " '" + text + "' is neither a date (2026-11-01) nor an ISO-8601"
          + " time (2026-11-01T00:00:00Z)");
    }
  }
}
