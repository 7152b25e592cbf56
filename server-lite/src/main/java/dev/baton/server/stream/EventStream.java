package dev.baton.server.stream;

import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.api.ApiJson;
import dev.baton.server.config.StreamConfig;
import dev.baton.server.http.HttpError;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.query.AlertQueries;
import dev.baton.server.query.IncidentQueries;
import dev.baton.server.query.ReadConnections;
import dev.baton.server.runbook.RunbookLibrary;
import dev.baton.server.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of {@code GET /api/v1/stream}. The writer reports each commit's last change id
 * ({@link #committed}, never blocking); one dispatcher thread reads the new change-log rows with
 * their cards on its own read-only connections and offers the frames to every client's bounded
 * queue. Each client's HTTP thread replays what it missed from the log and then writes what the
 * dispatcher queued ({@link StreamHandler}).
 */
public final class EventStream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
  /** Read-only connections: the dispatcher, and clients replaying what they missed. */
  private static final int READERS = 3;
  private static final int DISPATCH_PAGE = 1000;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final ReadConnections readers;
  private final ChangeFeed feed;
  private final StreamConfig config;
  private final ReceiverMetrics metrics;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong committed = new AtomicLong();
  private final Thread dispatcher;
  private volatile boolean running = true;
  private long dispatched;

  private EventStream(ReadConnections readers, Clock clock, StreamConfig config, ReceiverMetrics metrics,
      Supplier<RunbookLibrary> runbooks) {
    this.readers = readers;
    this.feed = new ChangeFeed(readers, new IncidentQueries(readers, clock, runbooks), new AlertQueries(readers),
        ApiJson.MAPPER);
    this.config = config;
    this.metrics = metrics;
    this.dispatched = feed.window().head();
    this.dispatcher = new Thread(this::dispatch, "baton-stream");
    dispatcher.setDaemon(true);
  }

  /**
   * Opens the stream's readers on the (migrated) database and starts dispatching changes committed from now on.
   *
   * @param runbooks the live runbook library, whose matches each card counts
   */
  public static EventStream open(Path database, Clock clock, StreamConfig config, ReceiverMetrics metrics,
      Supplier<RunbookLibrary> runbooks) {
    ReadConnections readers = ReadConnections.open(database, READERS);
    try {
      EventStream stream = new EventStream(readers, clock, config, metrics, runbooks);
      stream.dispatcher.start();
      return stream;
    } catch (RuntimeException e) {
      readers.close();
      throw e;
    }
  }

  /** Writer thread, after a commit: changes up to {@code lastId} are in the log. */
  public void committed(long lastId) {
    committed.accumulateAndGet(lastId, Math::max);
    LockSupport.unpark(dispatcher);
  }

  /** The handler of {@code GET /api/v1/stream}. */
  public HttpHandler handler() {
    return new StreamHandler(this, feed, config);
  }

  /** Registers the calling HTTP thread's client, before it reads the log: nothing committed meanwhile is missed. */
  Subscriber subscribe() {
    synchronized (subscribers) {
      if (!running) {
        throw new HttpError(503, "the receiver is stopping", Map.of("Retry-After", "2"));
      }
      if (subscribers.size() >= config.maxClients()) {
        throw new HttpError(503, "too many open streams (" + config.maxClients() + ", stream.max_clients); retry later",
            Map.of("Retry-After", "10"));
      }
      Subscriber s = new Subscriber(config.clientQueue());
      subscribers.add(s);
      metrics.streamClients.set(subscribers.size());
      return s;
    }
  }

  void unsubscribe(Subscriber s) {
    synchronized (subscribers) {
      subscribers.remove(s);
      metrics.streamClients.set(subscribers.size());
      subscribers.notifyAll();
    }
  }

  void reloaded(String reason) {
    metrics.streamReloads.inc(1, reason);
  }

  private void dispatch() {
    long stallNanos = config.stallTimeout().toNanos();
    while (running) {
      if (committed.get() <= dispatched) {
        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
      }
      if (!running) {
        break;
      }
      synchronized (subscribers) {
        if (subscribers.isEmpty()) {
          // nobody to send to: skip the reads and card builds; a client that connects later replays
          // from the log (registered under this lock, it reads a head at least this far)
          dispatched = Math.max(dispatched, committed.get());
          continue;
        }
      }
      try {
        List<Frame> page = feed.after(dispatched, DISPATCH_PAGE);
        for (Frame f : page) {
          for (Subscriber s : subscribers) {
            if (s.offer(f)) {
              reloaded("overflow"); // counted now: the client learns it once its socket takes the reload
            }
          }
        }
        if (!page.isEmpty()) {
          dispatched = page.get(page.size() - 1).id();
          metrics.streamEvents.inc(page.size());
        }
      } catch (StoreException e) {
        LOG.warn("stream: cannot read the change log, retrying: {}", e.getMessage());
        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
      }
      for (Subscriber s : subscribers) {
        if (s.cutIfStalled(stallNanos)) {
          LOG.info("stream: cut a client whose socket accepted nothing for {}", config.stallTimeout());
          reloaded("stalled");
        }
      }
    }
  }

  /** Ends every stream (each client's thread notices within a poll) and stops dispatching. */
  @Override
  public void close() {
    synchronized (subscribers) {
      running = false;
      subscribers.forEach(Subscriber::close);
      long deadline = System.currentTimeMillis() + 2000;
      for (long left = 2000; !subscribers.isEmpty() && left > 0; left = deadline - System.currentTimeMillis()) {
        try {
          subscribers.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    LockSupport.unpark(dispatcher);
    try {
      dispatcher.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    readers.close();
  }
}
