package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls a condition until it holds or a deadline passes: every wait in the e2e suite is bounded. */
final class Await {

  private static final long POLL_MILLIS = 100;

  private Await() {}

  /** Thrown by a probe when waiting longer cannot help (the process it waits for has exited). */
  static final class Hopeless extends RuntimeException {
    Hopeless(String message) {
      super(message);
    }
  }

  /**
   * Returns the first value of {@code probe} that satisfies {@code done}; fails the test with
   * {@code what} and the last value seen when {@code timeout} passes first. A probe that throws
   * counts as not done yet (the peer may still be starting), except {@link Hopeless}, which fails
   * the test at once.
   */
  static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    Exception lastError = null;
    while (true) {
      try {
        last = probe.call();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (Hopeless e) {
        fail("gave up waiting for " + what + ": " + e.getMessage());
      } catch (Exception e) {
        lastError = e;
      }
      if (System.nanoTime() - deadline > 0) {
        fail("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: "
            + (lastError != null ? lastError : last));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }
}
