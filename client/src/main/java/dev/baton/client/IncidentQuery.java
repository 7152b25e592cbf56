package dev.baton.client;

import java.util.List;

/**
 * What {@link BatonClient#incidents} asks for; null parts are left to the server's defaults
 * (every status but closed, any SLA class, 50 per page, sorted by urgency).
 *
 * @param statuses open, taken, snoozed, closed
 * @param slaClass urgent, async or retro
 * @param sort     urgency, opened or severity
 * @param cursor   {@code nextCursor} of the previous page
 */
public record IncidentQuery(String mql, List<String> statuses, String slaClass, Integer limit, String sort, String cursor) {

  public IncidentQuery {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }

  /** Every active incident matching {@code mql} (null or empty: all), first page. */
  public static IncidentQuery of(String mql) {
    return new IncidentQuery(mql, List.of(), null, null, null, null);
  }

  /**
   * A team's async queue: the async-class incidents its queue ({@code #team}) holds, not taken yet
   * (open or snoozed), oldest deadline first.
   *
   * @param team the team's name, with or without {@code #}
   */
  public static IncidentQuery asyncQueue(String team) {
    String queue = team.startsWith("#") ? team : "#" + team;
    return new IncidentQuery("holder = \"" + queue + "\"", List.of("open", "snoozed"), "async", null, null, null);
  }

  public IncidentQuery withStatuses(String... newStatuses) {
    return new IncidentQuery(mql, List.of(newStatuses), slaClass, limit, sort, cursor);
  }

  public IncidentQuery withSlaClass(String newClass) {
    return new IncidentQuery(mql, statuses, newClass, limit, sort, cursor);
  }

  public IncidentQuery withLimit(int newLimit) {
    return new IncidentQuery(mql, statuses, slaClass, newLimit, sort, cursor);
  }

  public IncidentQuery withSort(String newSort) {
    return new IncidentQuery(mql, statuses, slaClass, limit, newSort, cursor);
  }

  /** The same query for the page after the one that returned {@code nextCursor}. */
  public IncidentQuery after(String nextCursor) {
    return new IncidentQuery(mql, statuses, slaClass, limit, sort, nextCursor);
  }
}
