package dev.baton.server.runbook;

import dev.baton.mql.eval.CompiledQuery;
import java.util.Objects;

/**
 * One runbook ("Instructions"): a markdown file whose front matter says which incidents it is for.
 *
 * @param path     where it is, relative to the runbooks folder, with {@code /} separators
 * @param title    shown in the console's list
 * @param mql      the query an incident must match, as written (empty: every incident)
 * @param priority lower comes first; {@link RunbookParser#DEFAULT_PRIORITY} when not given
 * @param body     the markdown after the front matter, as written (the console renders it)
 * @param query    {@code mql} compiled to an in-memory predicate
 */
public record Runbook(String path, String title, String mql, int priority, String body, CompiledQuery query) {

  public Runbook {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(mql, "mql");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(query, "query");
  }
}
