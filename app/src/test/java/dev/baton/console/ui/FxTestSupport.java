package dev.baton.console.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs code on the FX thread from a test and waits for it. */
public final class FxTestSupport {

  private FxTestSupport() {
  }

  public static <T> T onFx(Supplier<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(action.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  public static void onFx(Runnable action) throws Exception {
    onFx(() -> {
      action.run();
      return null;
    });
  }

  /** Stops {@code app} on the FX thread, as JavaFX does when the application ends. */
  public static void stop(javafx.application.Application app) throws Exception {
    onFx(() -> {
      try {
        app.stop();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Closes every window but {@code keep} (the editor, list and analytics windows a test opened). */
  public static void hideAllBut(javafx.stage.Window keep) throws Exception {
    onFx(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream().filter(w -> w != keep)
        .forEach(javafx.stage.Window::hide));
  }
}
