package dev.baton.console.ui;

import java.util.function.Supplier;
import javafx.stage.Stage;

/** A window the console keeps one of: opening it again brings the open one forward instead of adding another. */
public final class SingleWindow {

  private final Supplier<Stage> open;
  private Stage stage;

  /** {@code open} builds and shows the window; called again only once the previous one is closed. */
  public SingleWindow(Supplier<Stage> open) {
    this.open = open;
  }

  public void show() {
    if (stage != null && stage.isShowing()) {
      stage.setIconified(false);
      stage.toFront();
      return;
    }
    stage = open.get();
  }
}
