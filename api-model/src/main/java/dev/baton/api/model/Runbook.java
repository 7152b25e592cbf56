package dev.baton.api.model;

/**
 * A runbook ("Instructions"): a markdown page for the incidents its MQL matches.
 *
 * @param path     the file, relative to the receiver's runbooks folder
 * @param title    its title
 * @param mql      the query an incident must match (empty: every incident)
 * @param priority lower is listed first
 * @param body     the markdown after the front matter, as written
 */
public record Runbook(String path, String title, String mql, int priority, String body) {
}
