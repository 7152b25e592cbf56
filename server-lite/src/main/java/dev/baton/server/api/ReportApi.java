package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.config.Role;
import dev.baton.server.http.Routes;
import dev.baton.server.query.BadRequest;
import dev.baton.server.report.IncidentReports;
import java.io.IOException;
import java.util.Set;

/** {@code GET /api/v1/reports/incidents?from=&to=&q=}: incident analytics, for readers. */
public final class ReportApi implements HttpHandler {

  static final String INCIDENTS = "/api/v1/reports/incidents";

  private final IncidentReports reports;

  public ReportApi(IncidentReports reports) {
    this.reports = reports;
  }

  public Routes mount(Routes routes) {
    return routes.add(INCIDENTS, Set.of("GET"), Role.READ, this);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      QueryParameters p = new QueryParameters(exchange.getRequestURI());
      ApiJson.ok(exchange, reports.incidents(p.get("from"), p.get("to"), p.get("q")));
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    }
  }
}
