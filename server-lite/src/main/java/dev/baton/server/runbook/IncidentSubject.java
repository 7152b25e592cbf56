package dev.baton.server.runbook;

import dev.baton.api.model.Alert;
import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.IncidentDetail;
import dev.baton.api.model.TimelineEntry;
import dev.baton.mql.Mql;
import dev.baton.mql.eval.Subject;
import java.util.List;
import java.util.Objects;

/** An incident as MQL sees it (docs/mql.md, "Built-in incident fields"), from what the console API reads. */
public final class IncidentSubject {

  private static final Mql MQL = Mql.forIncidents();

  private IncidentSubject() {}

  public static Subject of(IncidentDetail detail) {
    IncidentCard card = detail.card();
    Subject.Builder b = MQL.subject();
    set(b, "project", card.project());
    b.field("trigger", card.triggers());
    set(b, "severity", card.severity());
    set(b, "state", card.state());
    set(b, "status", card.status());
    set(b, "holder", card.holder());
    set(b, "assignee", card.assignee());
    b.field("source", detail.alerts().stream().map(Alert::source).filter(Objects::nonNull).distinct().toList());
    set(b, "class", card.sla() == null ? null : card.sla().slaClass());
    set(b, "service_level", card.serviceLevel());
    set(b, "summary", card.shortDescription());
    set(b, "opened", card.opened() == null ? null : card.opened().toString());
    List<TimelineEntry> timeline = detail.timeline();
    if (!timeline.isEmpty()) {
      set(b, "updated", timeline.get(timeline.size() - 1).at().toString());
    }
    for (Alert a : detail.alerts()) {
      b.alert(a.labels());
    }
    return b.build();
  }

  /** A single-valued field; null leaves it missing (MQL then sees the empty string). */
  private static void set(Subject.Builder b, String field, String value) {
    if (value != null) {
      b.field(field, List.of(value));
    }
  }
}
