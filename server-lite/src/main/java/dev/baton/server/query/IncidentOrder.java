package dev.baton.server.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How incident lists are ordered, as keys that all ascend so a page boundary is one row-value
 * comparison (keyset pagination: stable while incidents come and go, unlike offsets).
 */
enum IncidentOrder {
  /**
   * Open incidents with a response deadline first, the nearest (or most overdue) first; then by
   * severity, then oldest. Index incidents_open_urgency (V3) holds the same expression: keep them equal.
   */
  URGENCY("CASE WHEN i.status = 'open' AND i.response_due_at IS NOT NULL THEN i.response_due_at"
      + " ELSE 9223372036854775807 END", "i.severity", "i.id"),
  /** Newest first. */
  OPENED("-i.opened_at", "-i.id"),
  /** Most severe first, newest first within a severity. */
  SEVERITY("i.severity", "-i.opened_at", "-i.id");

  final String[] keys;

  IncidentOrder(String... keys) {
    this.keys = keys;
  }

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static IncidentOrder parse(String text) {
    if (text == null || text.isEmpty()) {
      return URGENCY;
    }
    for (IncidentOrder o : values()) {
      if (o.wire().equals(text)) {
        return o;
      }
    }
    throw new BadRequest("sort", "unknown sort '" + text + "'; expected urgency (default), opened or severity");
  }

  /** {@code k1, k2, …} for SELECT and ORDER BY. */
  String keyList() {
    return String.join(", ", keys);
  }

  /** An opaque cursor after the row with these key values. */
  String cursor(long[] values) {
    StringBuilder b = new StringBuilder(wire());
    for (long v : values) {
      b.append(':').append(v);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The key values in a cursor this order made; a located 400 otherwise. */
  long[] decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
    String[] parts = text.split(":", -1);
    for (IncidentOrder other : values()) {
      if (other != this && parts[0].equals(other.wire())) {
        throw new BadRequest("cursor", "this cursor belongs to sort=" + parts[0] + ", not sort=" + wire()
            + "; ask for the first page again without a cursor");
      }
    }
    if (parts.length != keys.length + 1 || !parts[0].equals(wire())) {
      throw badCursor();
    }
    long[] values = new long[keys.length];
    try {
      for (int i = 0; i < keys.length; i++) {
        values[i] = Long.parseLong(parts[i + 1]);
      }
    } catch (NumberFormatException e) {
      throw badCursor();
    }
    return values;
  }

  private static BadRequest badCursor() {
    return new BadRequest("cursor", "not a cursor this server gave out; pass nextCursor from the previous page as it was");
  }
}
