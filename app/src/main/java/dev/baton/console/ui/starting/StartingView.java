package dev.baton.console.ui.starting;

import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.theme.Theme;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** A progress indicator and what is under way, shown until the main window can be built. */
public final class StartingView {

  private final VBox root;
  @FXML
  private Label message;

  public StartingView(StartingViewModel model) {
    this.root = Fxml.load(this, "Starting.fxml");
    message.textProperty().bind(model.messageProperty());
  }

  /** Puts this view in {@code stage} (in the theme the window has, {@code dark} or not). */
  public void showIn(Stage stage, boolean dark) {
    Scene scene = new Scene(root, 1280, 800);
    Theme.addStylesheet(scene);
    (dark ? Theme.DARK : Theme.LIGHT).apply(scene);
    stage.setScene(scene);
  }
}
