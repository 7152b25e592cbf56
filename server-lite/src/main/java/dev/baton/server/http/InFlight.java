package dev.baton.server.http;

/** Counts exchanges being served, so that stopping waits for their answers. */
final class InFlight {

  private int active;

  synchronized void enter() {
    active++;
  }

  synchronized void exit() {
    active--;
    if (active == 0) {
      notifyAll();
    }
  }

  /** Waits until no exchange is being served, or {@code timeoutMillis} passed. */
  synchronized void awaitIdle(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try {
      for (long left = timeoutMillis; active > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
