package dev.baton.console.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (network, database) away from the UI thread and hands its outcome back where the
 * caller can touch UI state. ViewModels depend on this, never on threads or the toolkit.
 */
public interface TaskExecutor {

  /** Runs {@code work}; then exactly one of {@code onSuccess} or {@code onFailure}, on the UI thread. */
  <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** Runs {@code action} on the UI thread (now, if already there). */
  void onUiThread(Runnable action);
}
