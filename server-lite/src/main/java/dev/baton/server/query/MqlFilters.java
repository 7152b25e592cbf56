package dev.baton.server.query;

import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.Problem;
import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.sql.SqlFragment;
import dev.baton.mql.sql.SqlSchema;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MQL filters as parameterized SQL over the store's tables. Incidents are {@code incidents i};
 * their labels are their alerts' labels through {@code incident_alerts} and {@code alert_labels}.
 * Alerts are {@code alerts a}, each its own label holder.
 */
final class MqlFilters {

  private static final Mql MQL = Mql.forIncidents();

  static final SqlSchema INCIDENTS = SqlSchema.builder("i.id")
      .column("project", "i.project")
      .column("trigger", "i.trigger")
      .column("severity", "i.severity")
      .column("state", "i.state")
      .column("status", "i.status")
      .column("holder", "i.holder")
      .column("assignee", "i.assignee")
      .column("class", "i.sla_class")
      .column("summary", "i.short_description")
      .column("opened", "i.opened_at")
      .column("updated", "i.updated_at")
      .column("service_level", "i.service_level")
      .valueTable("source", "incident_sources", "incident_id", "source")
      .labels("incident_alerts", "alert_id", "incident_id", "alert_labels", "alert_id", "name", "value")
      .build();
  private static final Set<String> INCIDENT_FIELDS = Set.of("project", "trigger", "severity", "state", "status",
      "holder", "assignee", "class", "summary", "opened", "updated", "service_level", "source");

  static final SqlSchema ALERTS = SqlSchema.builder("a.id")
      .column("project", "a.project")
      .column("trigger", "a.trigger")
      .column("severity", "a.severity")
      .column("state", "a.state")
      .column("source", "a.source")
      .column("opened", "a.first_seen")
      .column("updated", "a.last_seen")
      .labels("alerts", "id", "id", "alert_labels", "alert_id", "name", "value")
      .build();
  private static final Set<String> ALERT_FIELDS = Set.of("project", "trigger", "severity", "state", "source",
      "opened", "updated");

  private MqlFilters() {}

  /** The WHERE condition for {@code q} over incidents ({@code "1"} for an empty query). */
  static SqlFragment incidents(String parameter, String q) {
    return compile(parameter, q, INCIDENTS, INCIDENT_FIELDS, "incidents");
  }

  /** The WHERE condition for {@code q} over alerts. */
  static SqlFragment alerts(String parameter, String q) {
    return compile(parameter, q, ALERTS, ALERT_FIELDS, "alerts");
  }

  private static SqlFragment compile(String parameter, String q, SqlSchema schema, Set<String> fields, String what) {
    String text = q == null ? "" : q;
    ParseResult<Query> parsed = MQL.parse(text);
    if (!parsed.ok()) {
      throw BadRequest.mql(parameter, text, parsed.problems());
    }
    Query query = parsed.value();
    if (query.expr().isPresent()) {
      Problem unsupported = unsupported(text, query.expr().get(), fields, what);
      if (unsupported != null) {
        throw BadRequest.mql(parameter, text, List.of(unsupported));
      }
    }
    return MQL.sql(query, schema);
  }

  /** The first built-in field the store cannot filter {@code what} by, located in the text. */
  private static Problem unsupported(String text, Expr expr, Set<String> fields, String what) {
    if (expr instanceof Expr.And and) {
      return first(text, and.operands(), fields, what);
    }
    if (expr instanceof Expr.Or or) {
      return first(text, or.operands(), fields, what);
    }
    if (expr instanceof Expr.Not not) {
      return unsupported(text, not.operand(), fields, what);
    }
    Expr.Match match = (Expr.Match) expr;
    if (match.ref() instanceof Ref.Label || fields.contains(match.ref().name())) {
      return null;
    }
    String name = match.ref().name();
    Matcher m = Pattern.compile("(?<![~\\w])" + name + "\\s*[=!<>]").matcher(text);
    int at = m.find() ? m.start() : Math.max(0, text.indexOf(name));
    return Problem.at(text, at, name.length(), "field '" + name + "' cannot filter " + what
        + "; usable here: " + String.join(", ", new TreeSet<>(fields)) + ", and ~labels");
  }

  private static Problem first(String text, List<Expr> operands, Set<String> fields, String what) {
    for (Expr e : operands) {
      Problem p = unsupported(text, e, fields, what);
      if (p != null) {
        return p;
      }
    }
    return null;
  }
}
