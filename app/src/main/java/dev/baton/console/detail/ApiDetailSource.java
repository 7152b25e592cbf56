package dev.baton.console.detail;

import dev.baton.api.model.IncidentDetail;
import dev.baton.api.model.OtherIncidents;
import dev.baton.client.BatonClient;
import dev.baton.console.incident.ApiCardMapper;
import dev.baton.console.incident.IncidentCard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The detail from the console API: {@code GET /api/v1/incidents/{id}} and its {@code history},
 * {@code similar}, {@code others} and {@code runbooks}, through {@link BatonClient} (which it does not own).
 */
public final class ApiDetailSource implements DetailSource {

  /** Past and other incidents listed per tab; the counts are always complete. */
  static final int LIST_LIMIT = 50;

  private final BatonClient client;

  public ApiDetailSource(BatonClient client) {
    this.client = client;
  }

  @Override
  public IncidentDetails load(long incidentId) throws IOException {
    IncidentDetail detail = client.incident(incidentId);
    OtherIncidents others = client.others(incidentId, LIST_LIMIT);
    List<IncidentCard> otherCards = new ArrayList<>();
    try {
      for (dev.baton.api.model.IncidentCard dto : others.items()) {
        otherCards.add(ApiCardMapper.toCard(dto));
      }
      return new IncidentDetails(ApiCardMapper.toCard(detail.card()), detail.card().longDescription(),
          detail.alerts(), detail.timeline(),
          client.history(incidentId, LIST_LIMIT), client.similar(incidentId, LIST_LIMIT), otherCards, others.total(),
          client.runbooks(incidentId).runbooks());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
