package dev.baton.server.api;

import dev.baton.server.incident.Refusal;
import dev.baton.server.pipeline.Unavailable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the writer's commit of an API call's work: its result, or its refusal or unavailability as is. */
final class WriterWait {

  private WriterWait() {}

  /**
   * @throws Refusal     the work changed nothing because the state does not allow it
   * @throws Unavailable not committed in time, the store failed, or the receiver is stopping
   */
  static <T> T await(CompletableFuture<T> work, Duration timeout) {
    try {
      return work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Unavailable(Unavailable.Reason.TIMEOUT, "the store did not commit within " + timeout.toSeconds()
          + " s; look again to see whether it applied", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refusal r) {
        throw r;
      }
      if (e.getCause() instanceof Unavailable u) {
        throw u;
      }
      throw new Unavailable(Unavailable.Reason.STORE_FAILED, "the store could not commit; retry later", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable(Unavailable.Reason.STOPPED, "the receiver is stopping; retry later", e);
    }
  }
}
