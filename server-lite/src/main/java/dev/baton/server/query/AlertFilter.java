package dev.baton.server.query;

import dev.baton.mql.sql.SqlFragment;

/**
 * MQL over alerts for readers outside this package (the noise report): the same compiler as the
 * alert search. The condition refers to the alerts table as {@code a}.
 */
public final class AlertFilter {

  private AlertFilter() {}

  /**
   * The WHERE condition for {@code q} ({@code "1"} when empty), or null when {@code q} is valid MQL
   * but names a field only incidents have (status, holder…). Check {@code q} with
   * {@link IncidentFilter#where} first: its syntax errors are reported there.
   */
  public static SqlFragment whereOrNull(String q) {
    try {
      return MqlFilters.alerts("q", q);
    } catch (BadRequest e) {
      return null;
    }
  }
}
