package dev.baton.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.api.model.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * A live subscription to {@code GET /api/v1/stream} that keeps itself connected: after a dropped
 * connection or a receiver restart it reconnects with {@code Last-Event-ID} set to the last event
 * received (backoff from {@value #FIRST_RETRY_MS} ms doubling to {@value #MAX_RETRY_MS} ms, reset
 * once connected), so the listener sees every change exactly once; after a {@code reload} it
 * reconnects without an id and calls {@link StreamListener#onReload()} once the new stream is
 * open. Close it to stop.
 */
public final class StreamSubscription implements AutoCloseable {

  static final long FIRST_RETRY_MS = 500;
  static final long MAX_RETRY_MS = 30_000;

  private final OkHttpClient http;
  private final Function<String, Request> request;
  private final StreamListener listener;
  private final ObjectMapper json;
  private final Function<Response, IOException> refusal;
  private final ScheduledExecutorService retries;
  private EventSource source;
  private String lastEventId;
  /** The next hello means "refetch": the stream starts without an id. */
  private boolean reloadOnHello;
  private long retryMillis = FIRST_RETRY_MS;
  private boolean closed;

  StreamSubscription(OkHttpClient http, Function<String, Request> request, String lastEventId, StreamListener listener,
      ObjectMapper json, Function<Response, IOException> refusal) {
    this.http = http;
    this.request = request;
    this.listener = listener;
    this.json = json;
    this.refusal = refusal;
    this.lastEventId = lastEventId;
    this.reloadOnHello = lastEventId == null;
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "baton-stream-retry");
      t.setDaemon(true);
      return t;
    });
    connect();
  }

  /** The id of the last event delivered (or where the stream started); null before the first connection. */
  public synchronized String lastEventId() {
    return lastEventId;
  }

  private synchronized void connect() {
    if (closed) {
      return;
    }
    source = EventSources.createFactory(http).newEventSource(request.apply(lastEventId), new Listener());
  }

  private void retryLater(IOException error) {
    long delay;
    synchronized (this) {
      if (closed) {
        return;
      }
      delay = retryMillis;
      retryMillis = Math.min(MAX_RETRY_MS, retryMillis * 2);
      retries.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }
    listener.onFailure(error, Duration.ofMillis(delay));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (source != null) {
      source.cancel();
    }
    retries.shutdownNow();
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private final class Listener extends EventSourceListener {

    private boolean reloading;

    @Override
    public void onEvent(EventSource eventSource, String id, String type, String data) {
      if (isClosed()) {
        return;
      }
      try {
        switch (type == null ? "" : type) {
          case "hello" -> hello(id);
          case "reload" -> reloading = true; // the receiver closes the stream next
          case StreamEvent.INCIDENT, StreamEvent.ALERT -> {
            StreamEvent event = json.readValue(data, StreamEvent.class);
            synchronized (StreamSubscription.this) {
              lastEventId = id;
            }
            listener.onEvent(event);
          }
          default -> { } // an event type this client does not know yet
        }
      } catch (IOException e) {
        eventSource.cancel();
        retryLater(new IOException("unreadable stream event " + id + ": " + e.getMessage(), e));
      }
    }

    private void hello(String id) {
      boolean reload;
      synchronized (StreamSubscription.this) {
        lastEventId = id;
        retryMillis = FIRST_RETRY_MS;
        reload = reloadOnHello;
        reloadOnHello = false;
      }
      if (reload) {
        listener.onReload();
      }
    }

    @Override
    public void onClosed(EventSource eventSource) {
      if (reloading) {
        synchronized (StreamSubscription.this) {
          lastEventId = null;
          reloadOnHello = true;
        }
        connect();
      } else {
        retryLater(new IOException("the receiver ended the stream"));
      }
    }

    @Override
    public void onFailure(EventSource eventSource, Throwable t, Response response) {
      if (isClosed()) {
        return;
      }
      if (response != null && response.code() >= 400 && response.code() < 500 && response.code() != 429) {
        IOException refused = refusal.apply(response);
        synchronized (StreamSubscription.this) {
          closed = true;
        }
        retries.shutdownNow();
        listener.onFailure(refused, null);
        return;
      }
      IOException error = t instanceof IOException io ? io
          : new IOException(response != null ? "HTTP " + response.code() + " from the stream"
              : "stream failed: " + t, t);
      retryLater(error);
    }
  }

  /** The body of a refused stream request, for its error message. */
  static String bodyOf(Response response) {
    try {
      ResponseBody body = response.body();
      return body == null ? "" : body.string();
    } catch (IOException e) {
      return "";
    }
  }
}
