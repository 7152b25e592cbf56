package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.query.AlertQueries;
import dev.baton.server.query.BadRequest;
import dev.baton.server.query.IncidentQueries;
import dev.baton.server.query.ListRequest;
import dev.baton.server.query.NotFound;
import dev.baton.server.runbook.RunbookLibrary;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console API's reads under {@code /api/v1/}: incidents (list, one, history, similar, others,
 * runbooks), runbooks, alerts search and the label vocabulary. Handlers only parse parameters and pick the query;
 * mistakes come back as located 400s, unknown ids as 404s, both as JSON.
 */
public final class ConsoleApi implements HttpHandler {

  /** The path prefix this handler serves. */
  public static final String PREFIX = "/api/v1/";
  /** Alerts search, a path Alertmanager API v1 also posts to. */
  static final String ALERTS = "/api/v1/alerts";

  private static final Pattern INCIDENT = Pattern.compile("/api/v1/incidents/([^/]+)(/(history|similar|others|runbooks))?");
  private static final Pattern LABEL_VALUES = Pattern.compile("/api/v1/labels/([^/]+)/values");
  private static final int ANALYTICS_DEFAULT = 20;
  private static final int ANALYTICS_MAX = 200;

  private final IncidentQueries incidents;
  private final AlertQueries alerts;
  private final RunbookAnswers runbooks;

  public ConsoleApi(IncidentQueries incidents, AlertQueries alerts, Supplier<RunbookLibrary> runbooks) {
    this.incidents = incidents;
    this.alerts = alerts;
    this.runbooks = new RunbookAnswers(runbooks);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      QueryParameters params = new QueryParameters(exchange.getRequestURI());
      Object answer = answer(path, params);
      if (answer == null) {
        ApiJson.error(exchange, 404, "no such path: " + path, null, List.of());
      } else {
        ApiJson.ok(exchange, answer);
      }
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    } catch (NotFound e) {
      ApiJson.error(exchange, 404, e.getMessage(), null, List.of());
    }
  }

  private Object answer(String path, QueryParameters p) {
    switch (path) {
      case "/api/v1/incidents":
        return incidents.list(ListRequest.parse(p.get("q"), p.get("status"), p.get("class"), p.get("limit"),
            p.get("cursor"), p.get("sort")));
      case ALERTS:
        return alerts.search(p.get("q"), ListRequest.limit(p.get("limit"), ListRequest.DEFAULT_LIMIT,
            ListRequest.MAX_LIMIT), p.get("cursor"));
      case "/api/v1/runbooks":
        return runbooks.all();
      case "/api/v1/labels":
        return alerts.labels(ListRequest.limit(p.get("limit"), AlertQueries.MAX_VOCABULARY, AlertQueries.MAX_VOCABULARY));
      default:
        break;
    }
    Matcher m = INCIDENT.matcher(path);
    if (m.matches()) {
      long id = incidentId(m.group(1));
      String part = m.group(3);
      if (part == null) {
        return incidents.detail(id);
      }
      if (part.equals("runbooks")) {
        return runbooks.forIncident(incidents.detail(id));
      }
      int limit = ListRequest.limit(p.get("limit"), ANALYTICS_DEFAULT, ANALYTICS_MAX);
      switch (part) {
        case "history":
          return incidents.history(id, limit);
        case "similar":
          return incidents.similar(id, limit);
        default:
          return incidents.others(id, limit);
      }
    }
    m = LABEL_VALUES.matcher(path);
    if (m.matches()) {
      return alerts.labelValues(m.group(1), p.get("prefix"),
          ListRequest.limit(p.get("limit"), AlertQueries.MAX_VOCABULARY, AlertQueries.MAX_VOCABULARY));
    }
    return null;
  }

  /** A path's incident id; a located 400 when it is not a positive whole number. */
  static long incidentId(String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest("id", "incident id '" + text + "' is not a positive whole number");
  }
}
