package dev.baton.server.stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.api.ApiJson;
import dev.baton.server.api.QueryParameters;
import dev.baton.server.config.StreamConfig;
import dev.baton.server.query.BadRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/stream}: server-sent events on the calling HTTP thread (the router lends the
 * pool another thread meanwhile). Subscribes first, then replays the log after Last-Event-ID,
 * then writes live frames, dropping those already replayed; every id written is the previous plus
 * one, or the client is told to reload.
 */
final class StreamHandler implements HttpHandler {

  static final String LAST_EVENT_ID = "Last-Event-ID";
  static final String LAST_EVENT_ID_PARAMETER = "last_event_id";
  private static final int REPLAY_PAGE = 500;
  /** How often an idle stream looks at its flags (closed by shutdown, overflowed). */
  private static final long POLL_MILLIS = 200;

  private final EventStream stream;
  private final ChangeFeed feed;
  private final StreamConfig config;

  StreamHandler(EventStream stream, ChangeFeed feed, StreamConfig config) {
    this.stream = stream;
    this.feed = feed;
    this.config = config;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Long resumeAfter;
    try {
      resumeAfter = lastEventId(exchange);
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no"); // nginx: pass events on as they come
    // a stream's end (reload, shutdown) closes its connection rather than leave it idle for reuse
    exchange.getResponseHeaders().set("Connection", "close");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    Subscriber subscriber = stream.subscribe();
    try {
      exchange.sendResponseHeaders(200, 0);
      Writer out = new OutputStreamWriter(new BufferedOutputStream(exchange.getResponseBody(), 16 * 1024),
          StandardCharsets.UTF_8);
      serve(subscriber, resumeAfter, out);
    } catch (IOException e) {
      if (!subscriber.closed()) {
        throw e; // the client went away; the access log notes it
      }
    } finally {
      stream.unsubscribe(subscriber);
    }
  }

  private void serve(Subscriber subscriber, Long resumeAfter, Writer out) throws IOException {
    ChangeFeed.Window window = feed.window();
    long last;
    if (resumeAfter == null) {
      last = window.head();
    } else if (resumeAfter > window.head()) {
      reload(subscriber, out, "unknown_id", "Last-Event-ID " + resumeAfter + " is beyond this receiver's change log (last id "
          + window.head() + "): it comes from another database");
      return;
    } else if (resumeAfter < window.first() - 1) {
      reload(subscriber, out, "pruned", "the events after " + resumeAfter + " are no longer kept (the log starts at "
          + window.first() + ")");
      return;
    } else {
      last = resumeAfter;
    }
    write(subscriber, out, List.of(Frame.hello(last, window.head())));
    while (!subscriber.closed()) {
      List<Frame> page = feed.after(last, REPLAY_PAGE);
      if (!page.isEmpty()) {
        if (page.get(0).id() != last + 1) {
          reload(subscriber, out, "pruned", "the events after " + last + " were pruned while replaying");
          return;
        }
        write(subscriber, out, page);
        last = page.get(page.size() - 1).id();
      }
      if (page.size() < REPLAY_PAGE) {
        break;
      }
    }
    long keepalive = config.keepalive().toNanos();
    long lastWrite = System.nanoTime();
    List<Frame> batch = new ArrayList<>();
    while (!subscriber.closed()) {
      if (subscriber.overflowed()) {
        write(subscriber, out, List.of(Frame.reload("this client fell more than " + config.clientQueue()
            + " events behind (stream.client_queue)")));
        return;
      }
      Frame first;
      try {
        first = subscriber.poll(POLL_MILLIS);
      } catch (InterruptedException e) {
        return; // cut for stalling, or the receiver is stopping
      }
      if (first == null) {
        if (System.nanoTime() - lastWrite >= keepalive) {
          write(subscriber, out, List.of(Frame.KEEPALIVE));
          lastWrite = System.nanoTime();
        }
        continue;
      }
      batch.clear();
      batch.add(first);
      subscriber.drainTo(batch);
      List<Frame> fresh = new ArrayList<>(batch.size());
      for (Frame f : batch) {
        if (f.id() <= last) {
          continue; // already replayed
        }
        if (f.id() != last + 1) {
          write(subscriber, out, fresh);
          reload(subscriber, out, "gap", "event " + (last + 1) + " was not delivered");
          return;
        }
        fresh.add(f);
        last = f.id();
      }
      if (!fresh.isEmpty()) {
        write(subscriber, out, fresh);
        lastWrite = System.nanoTime();
      }
    }
  }

  private void reload(Subscriber subscriber, Writer out, String reason, String message) throws IOException {
    stream.reloaded(reason);
    write(subscriber, out, List.of(Frame.reload(message)));
  }

  private static void write(Subscriber subscriber, Writer out, List<Frame> frames) throws IOException {
    subscriber.writing(true);
    try {
      for (Frame f : frames) {
        out.write(f.text());
      }
      out.flush();
    } finally {
      subscriber.writing(false);
    }
  }

  /** From the header, else from {@code ?last_event_id=} (for tools that cannot set headers); null when neither. */
  private static Long lastEventId(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst(LAST_EVENT_ID);
    String text = header != null ? header : new QueryParameters(exchange.getRequestURI()).get(LAST_EVENT_ID_PARAMETER);
    if (text == null || text.isBlank()) {
      return null;
    }
    String where = header != null ? "header " + LAST_EVENT_ID : "parameter " + LAST_EVENT_ID_PARAMETER;
    try {
      long id = Long.parseLong(text.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(header != null ? LAST_EVENT_ID : LAST_EVENT_ID_PARAMETER, where + ": '" + text
        + "' is not an event id; give the id: of the last event received (a whole number), or leave it out to start now");
  }
}
