package dev.baton.console.ui.fxthread;

import javafx.application.Platform;

/** The one place that crosses to the JavaFX application thread. */
public final class FxThread {

  private FxThread() {
  }

  /** Runs {@code action} on the FX thread: now if already on it, else as soon as possible. */
  public static void run(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }
}
