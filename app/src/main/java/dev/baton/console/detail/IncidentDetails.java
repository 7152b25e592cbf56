package dev.baton.console.detail;

import dev.baton.api.model.Alert;
import dev.baton.api.model.IncidentHistory;
import dev.baton.api.model.Runbook;
import dev.baton.api.model.SimilarIncidents;
import dev.baton.api.model.TimelineEntry;
import dev.baton.console.incident.IncidentCard;
import java.util.List;

/**
 * Everything the detail pane shows about one incident, read together: its card, long description
 * (markdown, "" when none), alerts and timeline, earlier incidents of the same identity, similar
 * incidents, what else is open in its project ({@code othersTotal} may exceed the cards read), and
 * the runbooks that match it.
 */
public record IncidentDetails(IncidentCard card, String longDescription, List<Alert> alerts, List<TimelineEntry> timeline,
    IncidentHistory history, SimilarIncidents similar, List<IncidentCard> others, int othersTotal,
    List<Runbook> runbooks) {

  public IncidentDetails {
    longDescription = longDescription == null ? "" : longDescription;
    alerts = List.copyOf(alerts);
    timeline = List.copyOf(timeline);
    others = List.copyOf(others);
    runbooks = List.copyOf(runbooks);
  }
}
