package dev.baton.server.query;

import dev.baton.mql.sql.SqlFragment;

/**
 * MQL over incidents for readers outside this package (post-mortem lists, reports): the same
 * compiler as the incident list, so {@code q} means the same everywhere. The condition refers to
 * the incidents table as {@code i}.
 */
public final class IncidentFilter {

  private IncidentFilter() {}

  /** The WHERE condition for {@code q} ({@code "1"} when empty); a located {@link BadRequest} when invalid. */
  public static SqlFragment where(String parameter, String q) {
    return MqlFilters.incidents(parameter, q);
  }
}
