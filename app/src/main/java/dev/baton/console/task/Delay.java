package dev.baton.console.task;

import java.time.Duration;

/** Runs an action on the UI thread after a while; what debounces the editor's autosave. */
public interface Delay {

  /** Runs {@code action} after {@code wait} unless the returned handle is run first (it cancels). */
  Runnable after(Duration wait, Runnable action);
}
