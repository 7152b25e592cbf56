package dev.baton.client;

/**
 * Filters of {@code GET /api/v1/postmortems}; every one optional (null).
 *
 * @param statuses comma-separated: draft, in_review, done
 * @param trigger  a trigger category id
 * @param incident only the post-mortem covering this incident
 * @param mql      MQL over the covered incidents
 * @param cursor   the previous page's {@code nextCursor}
 */
public record PostmortemQuery(String statuses, String owner, String trigger, Long incident, String mql, Integer limit,
    String cursor) {

  /** Every post-mortem, newest first, a page of the default size. */
  public static PostmortemQuery all() {
    return new PostmortemQuery(null, null, null, null, null, null, null);
  }
}
