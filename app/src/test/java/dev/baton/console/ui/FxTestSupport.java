package dev.baton.console.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
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
    // Generous: the FX thread may be busy with a pulse or a window's first layout on a loaded machine.
    return result.get(30, TimeUnit.SECONDS);
  }

  public static void onFx(Runnable action) throws Exception {
    onFx(() -> {
      action.run();
      return null;
    });
  }

  /**
   * Returns once a pulse has run after this call: what CSS (a pseudo-class's colours) and layout (a
   * box's size) make of a change is there only after one, and a loaded machine may run the test's
   * next lines before it (waitForFxEvents only drains the queue).
   */
  public static void awaitPulse() throws Exception {
    CountDownLatch pulse = new CountDownLatch(1);
    onFx(() -> new AnimationTimer() {
      @Override
      public void handle(long now) {
        pulse.countDown();
        stop();
      }
    }.start());
    if (!pulse.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no pulse within 30 s");
    }
    // The timer runs at the start of the pulse; the scene's CSS and layout follow in the same event.
    onFx(() -> { });
  }

  /**
   * Whether {@code node} and every parent of it are visible: a list keeps spare cells and a
   * measuring cell out of sight, with the same texts as the cells on screen.
   */
  public static boolean shown(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
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
