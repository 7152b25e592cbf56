package dev.baton.console.incident;

import dev.baton.api.model.IncidentPage;
import dev.baton.client.BatonClient;
import dev.baton.client.IncidentQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident list read from the receiver's console API ({@code GET /api/v1/incidents}) through
 * {@link BatonClient}: every open, taken and snoozed incident, all pages.
 *
 * <p>The receiver has no change stream yet, so {@link #subscribe} polls {@link #load()} every
 * {@link #POLL_EVERY} on a background thread and emits the differences (by id and version) from
 * the previous load. The console API's stream endpoint will replace this polling once it exists.
 * Of the closed incidents only the {@link #RECENT_CLOSED} most recently opened are read (one page):
 * the API has no "closed since" filter, and paging through every closed incident on each poll
 * would not be cheap.
 */
public final class ApiIncidentSource implements IncidentSource, AutoCloseable {

  public static final Duration POLL_EVERY = Duration.ofSeconds(2);
  /** Longest wait between tries while the receiver does not answer. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** The API's largest page: fewest round trips per load. */
  static final int PAGE = 500;
  /** The "Closed (recent)" view: the last closed incidents by opening time. */
  public static final int RECENT_CLOSED = 100;

  private static final Logger LOG = LoggerFactory.getLogger(ApiIncidentSource.class);

  private final BatonClient client;
  private final Duration pollEvery;
  private final Object lock = new Object();
  private Map<Long, IncidentCard> lastLoaded = Map.of();

  public ApiIncidentSource(BatonClient client) {
    this(client, POLL_EVERY);
  }

  ApiIncidentSource(BatonClient client, Duration pollEvery) {
    this.client = client;
    this.pollEvery = pollEvery;
  }

  @Override
  public List<IncidentCard> load() throws IOException {
    List<IncidentCard> cards = fetch();
    synchronized (lock) {
      lastLoaded = byId(cards);
    }
    return cards;
  }

  private List<IncidentCard> fetch() throws IOException {
    List<IncidentCard> cards = new ArrayList<>();
    IncidentQuery query = IncidentQuery.of(null).withLimit(PAGE);
    IncidentPage page = client.incidents(query);
    addAll(cards, page);
    while (page.nextCursor() != null) {
      page = client.incidents(query.after(page.nextCursor()));
      addAll(cards, page);
    }
    addAll(cards, client.incidents(IncidentQuery.of(null).withStatuses("closed").withSort("opened")
        .withLimit(RECENT_CLOSED)));
    return cards;
  }

  private static void addAll(List<IncidentCard> cards, IncidentPage page) throws IOException {
    for (dev.baton.api.model.IncidentCard dto : page.items()) {
      try {
        cards.add(ApiCardMapper.toCard(dto));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }

  /**
   * Polls until the handle is closed; each poll emits what changed since the previous load. When
   * the receiver stops answering it emits {@link IncidentChange.Disconnected} once and tries again
   * after 2, 4, 8… times the poll interval (at most {@link #MAX_BACKOFF}); the first answer after
   * that emits {@link IncidentChange.Reconnected} and then everything that changed meanwhile.
   */
  @Override
  public AutoCloseable subscribe(Consumer<IncidentChange> changes) {
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "baton-incident-poll");
      t.setDaemon(true);
      return t;
    });
    Runnable[] poll = new Runnable[1];
    int[] failures = {0};
    poll[0] = () -> {
      boolean ok = poll(changes, failures[0]);
      failures[0] = ok ? 0 : failures[0] + 1;
      long delay = failures[0] == 0 ? pollEvery.toMillis()
          : Math.min(MAX_BACKOFF.toMillis(), pollEvery.toMillis() << Math.min(failures[0], 10));
      if (!poller.isShutdown()) {
        poller.schedule(poll[0], delay, TimeUnit.MILLISECONDS);
      }
    };
    poller.schedule(poll[0], pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    return poller::shutdownNow;
  }

  /** One poll; false when the receiver did not answer. */
  private boolean poll(Consumer<IncidentChange> changes, int failedBefore) {
    Map<Long, IncidentCard> now;
    try {
      now = byId(fetch());
    } catch (IOException e) {
      // Keep trying: the receiver may be restarting; the list keeps its last cards meanwhile.
      if (failedBefore == 0) {
        LOG.warn("cannot refresh incidents from the receiver: {}", e.getMessage());
        emit(changes, List.of(new IncidentChange.Disconnected(ConnectionWords.of(e))));
      }
      return false;
    }
    List<IncidentChange> diff = new ArrayList<>();
    if (failedBefore > 0) {
      diff.add(new IncidentChange.Reconnected());
    }
    synchronized (lock) {
      now.forEach((id, card) -> {
        IncidentCard before = lastLoaded.get(id);
        if (before == null || before.version() != card.version()) {
          diff.add(new IncidentChange.Upserted(card));
        }
      });
      lastLoaded.keySet().stream().filter(id -> !now.containsKey(id))
          .forEach(id -> diff.add(new IncidentChange.Removed(id)));
      lastLoaded = now;
    }
    emit(changes, diff);
    return true;
  }

  private static void emit(Consumer<IncidentChange> changes, List<IncidentChange> diff) {
    try {
      diff.forEach(changes);
    } catch (RuntimeException e) {
      // An exception would stop the polling for good.
      LOG.warn("incident change listener failed", e);
    }
  }

  private static Map<Long, IncidentCard> byId(List<IncidentCard> cards) {
    Map<Long, IncidentCard> map = new LinkedHashMap<>();
    cards.forEach(c -> map.put(c.id(), c));
    return map;
  }

  @Override
  public void close() {
    client.close();
  }
}
