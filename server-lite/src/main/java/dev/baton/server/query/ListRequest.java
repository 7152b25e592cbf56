package dev.baton.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated list request.
 *
 * @param statuses workflow statuses to include; empty means all but closed
 * @param slaClass urgent, async, retro, or null for any
 * @param cursor   null for the first page
 */
public record ListRequest(String q, List<String> statuses, String slaClass, int limit, String cursor, String sort) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  /**
   * The largest page of incident cards: the console reads every open incident at start, and each
   * page costs the receiver a few ms beyond its cards (statements, HTTP), 20 pages of 500 for 10,000
   * incidents; about 700 bytes of JSON per card, so a full page is ~1.4 MB.
   */
  public static final int MAX_CARDS = 2000;
  private static final Set<String> STATUSES = Set.of("open", "taken", "snoozed", "closed");
  private static final Set<String> CLASSES = Set.of("urgent", "async", "retro");

  /** From raw query parameters (any may be null); a located 400 for each mistake. */
  public static ListRequest parse(String q, String status, String slaClass, String limit, String cursor, String sort) {
    List<String> statuses = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      for (String s : status.split(",")) {
        String word = s.trim().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(word)) {
          throw new BadRequest("status", "unknown status '" + s.trim() + "'; expected open, taken, snoozed or closed"
              + " (comma-separated)");
        }
        statuses.add(word);
      }
    }
    String cls = null;
    if (slaClass != null && !slaClass.isBlank()) {
      cls = slaClass.trim().toLowerCase(Locale.ROOT);
      if (!CLASSES.contains(cls)) {
        throw new BadRequest("class", "unknown SLA class '" + slaClass + "'; expected urgent, async or retro");
      }
    }
    IncidentOrder.parse(sort);
    return new ListRequest(q, List.copyOf(statuses), cls, limit(limit, DEFAULT_LIMIT, MAX_CARDS),
        cursor == null || cursor.isEmpty() ? null : cursor, sort);
  }

  /** A limit parameter: a whole number 1..max, {@code fallback} when absent. */
  public static int limit(String text, int fallback, int max) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest("limit", "limit '" + text + "' is not a whole number; expected 1.." + max);
    }
    if (n < 1 || n > max) {
      throw new BadRequest("limit", "limit " + n + " is out of range; expected 1.." + max);
    }
    return n;
  }
}
