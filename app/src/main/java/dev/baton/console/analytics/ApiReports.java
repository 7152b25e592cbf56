package dev.baton.console.analytics;

import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.SlaReport;
import dev.baton.client.BatonClient;
import java.io.IOException;
import java.time.Instant;

/** {@link Reports} over {@code GET /api/v1/reports/…}. */
public final class ApiReports implements Reports {

  private final BatonClient client;

  public ApiReports(BatonClient client) {
    this.client = client;
  }

  @Override
  public IncidentReport incidents(Instant from, Instant to, String mql) throws IOException {
    return client.incidentReport(from, to, mql);
  }

  @Override
  public SlaReport sla(Instant from, Instant to, String mql) throws IOException {
    return client.slaReport(from, to, mql);
  }
}
