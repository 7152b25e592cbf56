package dev.baton.console.ui.incidents;

import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.sla.SlaClock;
import java.time.ZoneId;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;

/** The virtualized list of incident cards. Binds to its ViewModel; J/K and arrows move. */
public final class IncidentListView {

  private final IncidentListViewModel model;
  private final StackPane root;
  @FXML
  private ListView<IncidentCard> list;
  @FXML
  private Label placeholder;

  public IncidentListView(IncidentListViewModel model, SlaClock clock, ZoneId zone, LabelClicks labelClicks) {
    this.model = model;
    this.root = Fxml.load(this, "IncidentList.fxml");
    list.setItems(model.shown());
    list.setCellFactory(v -> new IncidentCardCell(clock, zone, labelClicks, model::unseen));
    list.setPlaceholder(placeholder);
    wire();
  }

  private void wire() {
    list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null) {
        model.selectedProperty().set(now);
      }
    });
    // A stream update replaces the selected card with a new version: select it again by id.
    model.shown().addListener((javafx.collections.ListChangeListener<IncidentCard>) change -> {
      IncidentCard selected = model.selectedProperty().get();
      if (selected == null) {
        return;
      }
      IncidentCard current = list.getSelectionModel().getSelectedItem();
      if (current == null || current.id() != selected.id()) {
        for (int i = 0; i < model.shown().size(); i++) {
          if (model.shown().get(i).id() == selected.id()) {
            list.getSelectionModel().select(i);
            break;
          }
        }
      }
    });
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.J) {
        list.getSelectionModel().selectNext();
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        e.consume();
      } else if (e.getCode() == KeyCode.K) {
        list.getSelectionModel().selectPrevious();
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        e.consume();
      }
    });
  }

  /** Text shown when the list is empty (no incidents, or why there are none). */
  public void setPlaceholder(String text) {
    placeholder.setText(text);
  }

  public ListView<IncidentCard> list() {
    return list;
  }

  public StackPane root() {
    return root;
  }
}
