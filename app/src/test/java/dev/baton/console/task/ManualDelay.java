package dev.baton.console.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Delay} whose waits end when the test says so: autosave without sleeping. */
public final class ManualDelay implements Delay {

  private final List<Runnable> pending = new ArrayList<>();

  @Override
  public Runnable after(Duration wait, Runnable action) {
    pending.add(action);
    return () -> pending.remove(action);
  }

  /** How many actions wait now. */
  public int pending() {
    return pending.size();
  }

  /** Ends every wait: runs what waits, in order. */
  public void elapse() {
    List<Runnable> due = new ArrayList<>(pending);
    pending.clear();
    due.forEach(Runnable::run);
  }
}
