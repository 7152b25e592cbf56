package dev.baton.console.task;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds background work until the test runs it ({@link #runPending}); the UI thread is the
 * test's own. For ViewModel tests about what happens while work is under way.
 */
public final class ManualTaskExecutor implements TaskExecutor {

  private final Queue<Runnable> pending = new ArrayDeque<>();

  @Override
  public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    pending.add(() -> new DirectTaskExecutor().execute(work, onSuccess, onFailure));
  }

  @Override
  public void onUiThread(Runnable action) {
    action.run();
  }

  /** Work queued and not yet run. */
  public int pending() {
    return pending.size();
  }

  /** Runs the oldest work queued with its outcome; what that queues waits for the next call. */
  public void runOne() {
    Runnable next = pending.poll();
    if (next != null) {
      next.run();
    }
  }

  /** Runs the work queued so far (and what it queues in turn) with its outcome. */
  public void runPending() {
    for (Runnable next = pending.poll(); next != null; next = pending.poll()) {
      next.run();
    }
  }
}
