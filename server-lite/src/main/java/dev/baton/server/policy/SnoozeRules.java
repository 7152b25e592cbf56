package dev.baton.server.policy;

import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.ast.Query;
import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snooze rules in force, compiled. Changed on the writer thread only; {@link #snapshot()} may
 * be read from any thread.
 */
public final class SnoozeRules {

  private static final Logger LOG = LoggerFactory.getLogger(SnoozeRules.class);
  private static final Mql MQL = Mql.forIncidents();

  private final Map<Long, SnoozeRule> rules = new LinkedHashMap<>();
  private final Map<Long, CompiledQuery> queries = new LinkedHashMap<>();
  private volatile List<SnoozeRule> snapshot = List.of();

  /** Replaces the rules with those stored (at start, and after a failed transaction). */
  public void load(List<SnoozeRule> stored) {
    rules.clear();
    queries.clear();
    for (SnoozeRule r : stored) {
      ParseResult<Query> parsed = MQL.parse(r.mql());
      if (parsed.ok()) {
        put(r, MQL.predicate(parsed.value()));
      } else {
        LOG.warn("snooze rule {} ({}) no longer parses, left out: {}", r.id(), r.mql(), parsed.problems());
      }
    }
    publish();
  }

  public void add(SnoozeRule rule, CompiledQuery query) {
    put(rule, query);
    publish();
  }

  /** Removes a rule; null when there is none in force with that id. */
  public SnoozeRule remove(long id) {
    SnoozeRule r = rules.remove(id);
    queries.remove(id);
    publish();
    return r;
  }

  /** Removes and returns the rules that have run out at {@code now}. */
  public List<SnoozeRule> endedBy(long now) {
    List<SnoozeRule> ended = new ArrayList<>();
    for (Iterator<SnoozeRule> it = rules.values().iterator(); it.hasNext(); ) {
      SnoozeRule r = it.next();
      if (r.until() <= now) {
        ended.add(r);
        it.remove();
        queries.remove(r.id());
      }
    }
    if (!ended.isEmpty()) {
      publish();
    }
    return ended;
  }

  /** The oldest rule in force whose query matches, or null. */
  public SnoozeRule firstMatch(Subject incident) {
    for (Map.Entry<Long, CompiledQuery> e : queries.entrySet()) {
      if (e.getValue().test(incident)) {
        return rules.get(e.getKey());
      }
    }
    return null;
  }

  /** The rules in force as of the last change, oldest first. */
  public List<SnoozeRule> snapshot() {
    return snapshot;
  }

  private void put(SnoozeRule rule, CompiledQuery query) {
    rules.put(rule.id(), rule);
    queries.put(rule.id(), query);
  }

  private void publish() {
    snapshot = List.copyOf(rules.values());
  }
}
