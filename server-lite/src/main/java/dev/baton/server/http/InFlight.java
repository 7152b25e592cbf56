package dev.baton.server.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts exchanges being served, so that stopping waits for their answers. Counting takes no lock
 * (every request counts twice, from many threads at once); only a waiting {@link #awaitIdle} is
 * notified.
 */
final class InFlight {

  private final AtomicInteger active = new AtomicInteger();
  private volatile boolean awaited;

  void enter() {
    active.incrementAndGet();
  }

  void exit() {
    if (active.decrementAndGet() == 0 && awaited) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Waits until no exchange is being served, or {@code timeoutMillis} passed. */
  void awaitIdle(long timeoutMillis) {
    awaited = true;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      synchronized (this) {
        for (long left = deadline - System.nanoTime(); active.get() > 0 && left > 0; left = deadline - System.nanoTime()) {
          // a notification sent just before this wait is not lost for long
          wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
