package dev.baton.server.config;

import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import java.util.List;

/**
 * One routing rule of {@code baton.yml}: {@code query -> target, …}. Rules are tried in order; the
 * first whose query matches a new incident decides its holder.
 *
 * @param name    {@code routing[i]}, or the rule's own name when it has one; timeline entries name it
 * @param text    the rule as written
 * @param query   its query, compiled
 * @param targets {@code #team} / {@code @person}, in order; the last one holds the incident, the
 *                ones before it are the chain it passed through
 */
public record RouteRule(String name, String text, CompiledQuery query, List<String> targets) {

  public RouteRule {
    targets = List.copyOf(targets);
  }

  public boolean matches(Subject incident) {
    return query.test(incident);
  }
}
