package dev.baton.console.ui.fxthread;

import dev.baton.console.task.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work on a small pool of daemon threads and delivers the outcome on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

  private final ExecutorService pool;

  public FxTaskExecutor(int threads) {
    AtomicInteger counter = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "baton-console-task-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    pool.execute(() -> {
      T result;
      try {
        result = work.call();
      } catch (Exception e) {
        FxThread.run(() -> onFailure.accept(e));
        return;
      }
      FxThread.run(() -> onSuccess.accept(result));
    });
  }

  @Override
  public void onUiThread(Runnable action) {
    FxThread.run(action);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
