package dev.baton.client;

import dev.baton.api.model.StreamEvent;
import java.io.IOException;
import java.time.Duration;

/**
 * Receives {@code GET /api/v1/stream} through {@link BatonClient#stream}. Calls come one at a time,
 * in order, on OkHttp's reader thread: keep them short and hand UI work to the UI thread.
 */
public interface StreamListener {

  /** An incident or alert changed; {@link StreamEvent#card()} or {@link StreamEvent#alert()} is it as it is now. */
  void onEvent(StreamEvent event);

  /**
   * Fetch again what you show (the incident list): this is the first connection without an id,
   * or the receiver could not say what changed since the last event (the client fell too far
   * behind, or its id was pruned). Every change after this call arrives as an event, so fetch
   * now, after it, not before.
   */
  void onReload();

  /**
   * The connection failed or ended. {@code retryIn} is when the subscription reconnects by itself
   * (resuming after the last event received); null when it gave up, because the receiver refused
   * the request (401 or 403: a token problem, or 400) — then {@code error} is a
   * {@link BatonApiException}.
   */
  default void onFailure(IOException error, Duration retryIn) {
  }
}
