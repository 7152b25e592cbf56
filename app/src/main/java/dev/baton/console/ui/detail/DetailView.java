package dev.baton.console.ui.detail;

import dev.baton.console.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

/** The detail pane: header of the selected incident and its tabs. */
public final class DetailView {

  private final VBox root;
  @FXML
  private Label heading;
  @FXML
  private Label subheading;
  @FXML
  private TabPane tabs;
  @FXML
  private Tab alerts;

  public DetailView(DetailViewModel model) {
    this.root = Fxml.load(this, "Detail.fxml");
    heading.textProperty().bind(model.headingProperty());
    subheading.textProperty().bind(model.subheadingProperty());
    alerts.textProperty().bind(model.alertsTabProperty());
    for (Tab tab : tabs.getTabs()) {
      Label waiting = new Label(DetailViewModel.NEEDS_API);
      waiting.getStyleClass().add("baton-placeholder");
      tab.setContent(waiting);
    }
  }

  public VBox root() {
    return root;
  }
}
