package dev.baton.console.ui.fxthread;

import dev.baton.console.task.Delay;
import java.time.Duration;
import javafx.animation.PauseTransition;

/** {@link Delay} on the FX thread's animation timer. */
public final class FxDelay implements Delay {

  @Override
  public Runnable after(Duration wait, Runnable action) {
    PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(wait.toMillis()));
    pause.setOnFinished(e -> action.run());
    FxThread.run(pause::play);
    return () -> FxThread.run(pause::stop);
  }
}
