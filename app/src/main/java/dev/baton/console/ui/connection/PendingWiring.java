package dev.baton.console.ui.connection;

import dev.baton.console.ConsoleWiring;
import java.util.Optional;

/**
 * The receiver a window is switching to, started off the UI thread: handed to the window if it is
 * still there, else closed. Whichever comes second, the started wiring or the window's end, closes
 * it, so a window closed during a switch leaves no receiver running and no connection open.
 */
public final class PendingWiring {

  private ConsoleWiring started;
  private boolean gone;

  /**
   * From the thread that started {@code wiring}: true when the window may {@link #take} it; false
   * when the window is gone, and then {@code wiring} is closed.
   */
  public boolean offer(ConsoleWiring wiring) {
    synchronized (this) {
      if (!gone) {
        started = wiring;
        return true;
      }
    }
    wiring.close();
    return false;
  }

  /** The window is gone (closed, or the application stops): the wiring, started or still to come, is closed. */
  public void windowGone() {
    ConsoleWiring toClose;
    synchronized (this) {
      gone = true;
      toClose = started;
      started = null;
    }
    if (toClose != null) {
      toClose.close();
    }
  }

  /** Whether the window went away before it took the wiring: then nobody waits for the switch any more. */
  public synchronized boolean isGone() {
    return gone;
  }

  /** On the UI thread: the started wiring, the window's from now on; empty when the window is gone. */
  public synchronized Optional<ConsoleWiring> take() {
    ConsoleWiring taken = started;
    started = null;
    return Optional.ofNullable(taken);
  }
}
