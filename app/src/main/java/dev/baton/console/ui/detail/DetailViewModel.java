package dev.baton.console.ui.detail;

import dev.baton.console.incident.CardText;
import dev.baton.console.incident.IncidentCard;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The detail pane's state for the selected incident: its header and tab titles. Alerts, history,
 * similar, others, instructions and timeline come from the console API's detail and analytics
 * endpoints (issue 4) once they exist; until then the tabs say so.
 */
public final class DetailViewModel {

  static final String NEEDS_API = "Shown once the receiver serves the console API (GET /api/v1/incidents/{id}"
      + " and its history, similar and others).";

  private final ObjectProperty<IncidentCard> incident = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper subheading = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper alertsTab = new ReadOnlyStringWrapper("Alerts");

  public DetailViewModel() {
    incident.addListener((obs, was, now) -> {
      if (now == null) {
        heading.set("Select an incident");
        subheading.set("");
        alertsTab.set("Alerts");
      } else {
        heading.set("#" + now.id() + " " + now.severity().label() + " " + (now.shortDescription().isEmpty()
            ? String.join(", ", now.triggers()) : now.shortDescription()));
        subheading.set(now.project() + " (" + now.serviceLevel() + ") · " + CardText.holderChain(now)
            + (now.assignee().isEmpty() ? "" : " · " + now.assignee()) + " · " + now.status().wireName()
            + " · triggers: " + String.join(", ", now.triggers()));
        alertsTab.set("Alerts (" + now.alertCount() + ")");
      }
    });
    heading.set("Select an incident");
  }

  public ObjectProperty<IncidentCard> incidentProperty() {
    return incident;
  }

  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty subheadingProperty() {
    return subheading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty alertsTabProperty() {
    return alertsTab.getReadOnlyProperty();
  }
}
