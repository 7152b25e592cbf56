package dev.baton.server.policy;

import dev.baton.mql.Mql;
import dev.baton.mql.eval.Subject;
import dev.baton.server.config.RouteRule;
import dev.baton.server.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who holds a new incident: the first routing rule whose query matches it, else its project's
 * default holder. A rule with several targets ({@code -> #l1, #bravo}) gives the whole chain; the
 * last target holds the incident.
 */
public final class Routing {

  private static final Mql MQL = Mql.forIncidents();

  /**
   * Where a new incident goes.
   *
   * @param chain holders in order, the last one holds the incident; never empty
   * @param rule  the rule that matched, or null when none did (the default holder)
   */
  public record Decision(List<String> chain, RouteRule rule) {

    public Decision {
      chain = List.copyOf(chain);
    }

    public String holder() {
      return chain.get(chain.size() - 1);
    }
  }

  private Routing() {}

  public static Decision route(List<RouteRule> rules, String defaultHolder, Subject incident) {
    for (RouteRule rule : rules) {
      if (rule.matches(incident)) {
        return new Decision(rule.targets(), rule);
      }
    }
    return new Decision(List.of(defaultHolder), null);
  }

  /**
   * An open incident as MQL sees it: its fields and its alerts' labels.
   *
   * @param alerts the labels of each of its alerts (of the one that opened it, for a new incident)
   * @param source the sender of the alert that opened it, or null when not known
   */
  public static Subject subject(Incident i, List<Map<String, String>> alerts, String source) {
    Subject.Builder b = MQL.subject()
        .field("project", i.project())
        .field("severity", i.severity().toString())
        .field("status", i.status().wire())
        .field("holder", i.holding().holder())
        .field("class", i.slaClass().wire())
        .field("service_level", i.serviceLevel().display())
        .field("opened", Instant.ofEpochMilli(i.openedAt()).toString())
        .field("updated", Instant.ofEpochMilli(i.updatedAt()).toString());
    if (i.trigger() != null) {
      b.field("trigger", i.trigger());
    }
    if (i.state() != null) {
      b.field("state", i.state().wire());
    }
    if (source != null) {
      b.field("source", source);
    }
    alerts.forEach(b::alert);
    return b.build();
  }
}
