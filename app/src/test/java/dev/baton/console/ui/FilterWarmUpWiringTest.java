package dev.baton.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.task.ManualTaskExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.Test;

/** The filter's warm-up waits for the first read of the list, runs off the UI thread, and runs once. */
class FilterWarmUpWiringTest {

  @Test
  void theWarmUpRunsOnceTheFirstReadIsShownAndNeverAgain() {
    ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    ManualTaskExecutor tasks = new ManualTaskExecutor();
    AtomicInteger runs = new AtomicInteger();
    ConsoleApp.warmUpOnceLoaded(loaded.getReadOnlyProperty(), runs::incrementAndGet, tasks);

    assertEquals(0, tasks.pending(), "nothing beside the read of the list");
    loaded.set(true);
    assertEquals(1, tasks.pending(), "queued as background work once the list is shown");
    assertEquals(0, runs.get(), "not on the UI thread");
    tasks.runPending();
    assertEquals(1, runs.get());

    loaded.set(false); // a reconnect reads the list again
    loaded.set(true);
    assertEquals(0, tasks.pending(), "warmed once per session");
    assertEquals(1, runs.get());
  }
}
