package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import dev.baton.server.config.Role;
import dev.baton.server.http.Routes;
import dev.baton.server.query.BadRequest;
import dev.baton.server.report.IncidentReports;
import dev.baton.server.report.SlaReports;
import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code GET /api/v1/reports/incidents?from=&to=&q=} (incident analytics) and
 * {@code GET /api/v1/reports/sla?from=&to=&q=} (response times and noise), for readers.
 */
public final class ReportApi {

  static final String INCIDENTS = "/api/v1/reports/incidents";
  static final String SLA = "/api/v1/reports/sla";

  private final IncidentReports reports;
  private final SlaReports sla;

  public ReportApi(IncidentReports reports, SlaReports sla) {
    this.reports = reports;
    this.sla = sla;
  }

  public Routes mount(Routes routes) {
    return routes
        .add(INCIDENTS, Set.of("GET"), Role.READ, e -> answer(e, p -> reports.incidents(p.get("from"), p.get("to"),
            p.get("q"))))
        .add(SLA, Set.of("GET"), Role.READ, e -> answer(e, p -> sla.sla(p.get("from"), p.get("to"), p.get("q"))));
  }

  private static void answer(HttpExchange exchange, Function<QueryParameters, Object> report) throws IOException {
    try {
      ApiJson.ok(exchange, report.apply(new QueryParameters(exchange.getRequestURI())));
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    }
  }
}
