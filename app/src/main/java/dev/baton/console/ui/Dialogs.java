package dev.baton.console.ui;

import dev.baton.console.ui.theme.Theme;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The console's dialogs share one frame: modal over the main window, Baton's stylesheet, Esc closes. */
public final class Dialogs {

  private Dialogs() {
  }

  /** A window of its own over {@code owner} (not modal: the main window stays usable), shown. */
  public static Stage window(Window owner, String title, Parent root, double width, double height) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle(title);
    Scene scene = new Scene(root, width, height);
    Theme.addStylesheet(scene);
    stage.setScene(scene);
    stage.show();
    return stage;
  }

  /** A modal stage over {@code owner} showing {@code root}; not shown yet. */
  public static Stage modal(Window owner, String title, Parent root) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(title);
    Scene scene = new Scene(root);
    Theme.addStylesheet(scene);
    stage.setScene(scene);
    scene.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        stage.close();
      }
    });
    return stage;
  }
}
