package dev.baton.console.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Background work on its own threads, outcomes on one "UI" thread, as the console has them, but
 * without a screen: ViewModel tests over a real receiver read the ViewModel through {@link #onUi}.
 */
public final class UiThreadTaskExecutor implements TaskExecutor, AutoCloseable {

  private final ExecutorService work = Executors.newCachedThreadPool();
  private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

  @Override
  public <T> void execute(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    work.execute(() -> {
      T result;
      try {
        result = task.call();
      } catch (Exception e) {
        ui.execute(() -> onFailure.accept(e));
        return;
      }
      ui.execute(() -> onSuccess.accept(result));
    });
  }

  @Override
  public void onUiThread(Runnable action) {
    ui.execute(action);
  }

  /** Runs {@code read} on the UI thread and returns what it returned. */
  public <T> T onUi(Callable<T> read) throws Exception {
    return ui.submit(read).get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    work.shutdownNow();
    ui.shutdownNow();
  }
}
