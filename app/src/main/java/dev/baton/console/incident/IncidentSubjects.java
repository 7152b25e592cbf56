package dev.baton.console.incident;

import dev.baton.mql.Mql;
import dev.baton.mql.eval.Subject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a card into an MQL subject so the console filters locally, keystroke by keystroke, with
 * the same evaluator the receiver uses. A card carries aggregated label values, not each alert's
 * labels, so each value becomes an alert of its own: {@code ~name = "v"} holds when any alert
 * carries it, as on the receiver.
 */
public final class IncidentSubjects {

  private final Mql mql;

  public IncidentSubjects(Mql mql) {
    this.mql = mql;
  }

  public Subject of(IncidentCard card) {
    Subject.Builder subject = mql.subject()
        .field("project", card.project())
        .field("trigger", card.triggers())
        .field("severity", card.severity().label())
        .field("status", card.status().wireName())
        .field("holder", card.holder())
        .field("assignee", card.assignee())
        .field("class", card.sla().slaClass().wireName())
        .field("service_level", card.serviceLevel())
        .field("summary", card.shortDescription())
        .field("opened", card.opened().toString());
    if (card.state() != AlertState.NONE) {
      subject.field("state", card.state().wireName());
    }
    int alerts = card.labels().values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < alerts; i++) {
      Map<String, String> labels = new HashMap<>();
      for (Map.Entry<String, List<String>> label : card.labels().entrySet()) {
        List<String> values = label.getValue();
        labels.put(label.getKey(), values.get(Math.min(i, values.size() - 1)));
      }
      subject.alert(labels);
    }
    return subject.build();
  }
}
