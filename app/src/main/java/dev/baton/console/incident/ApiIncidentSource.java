package dev.baton.console.incident;

import dev.baton.api.model.IncidentPage;
import dev.baton.api.model.StreamEvent;
import dev.baton.client.BatonClient;
import dev.baton.client.IncidentQuery;
import dev.baton.client.StreamListener;
import dev.baton.client.StreamSubscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident list read from the receiver's console API ({@code GET /api/v1/incidents}) through
 * {@link BatonClient}: every open, taken and snoozed incident, all pages.
 *
 * <p>{@link #subscribe} follows the receiver's change stream. Of the closed incidents only the {@link #RECENT_CLOSED} most recently opened are read (one page):
 * the API has no "closed since" filter, and paging through every closed incident on each load
 * would not be cheap.
 */
public final class ApiIncidentSource implements IncidentSource, AutoCloseable {

  /** How often a lost receiver is asked whether it is back. */
  public static final Duration PROBE_EVERY = Duration.ofSeconds(2);
  /** The API's largest page of cards: fewest round trips per load (5 for 10,000 incidents). */
  static final int PAGE = 2000;
  /** The "Closed (recent)" view: the last closed incidents by opening time. */
  public static final int RECENT_CLOSED = 100;

  private static final Logger LOG = LoggerFactory.getLogger(ApiIncidentSource.class);

  private final BatonClient client;

  public ApiIncidentSource(BatonClient client) {
    this.client = client;
  }

  @Override
  public List<IncidentCard> load() throws IOException {
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
   * Follows the receiver's change stream ({@code GET /api/v1/stream}) until the handle is closed:
   * each incident event upserts its card. The stream asks for a reload once connected (load then:
   * nothing after its {@code hello} is missed) and whenever it cannot catch up by events. When the
   * connection drops it emits {@link IncidentChange.Disconnected} once; the subscription
   * reconnects by itself with backoff and resumes after the last event id, so nothing is missed,
   * and a probe every {@link #PROBE_EVERY} tells when the receiver answers again
   * ({@link IncidentChange.Reconnected}).
   */
  @Override
  public AutoCloseable subscribe(Consumer<IncidentChange> changes) {
    ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "baton-receiver-probe");
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean lost = new AtomicBoolean();
    StreamSubscription stream = client.stream(null, new StreamListener() {
      @Override
      public void onEvent(StreamEvent event) {
        if (!StreamEvent.INCIDENT.equals(event.type()) || event.card() == null) {
          return;
        }
        try {
          emit(changes, new IncidentChange.Upserted(ApiCardMapper.toCard(event.card())));
        } catch (IllegalArgumentException e) {
          LOG.warn("incident event {} skipped: {}", event.id(), e.getMessage());
        }
      }

      @Override
      public void onReload() {
        emit(changes, new IncidentChange.Reload());
      }

      @Override
      public void onFailure(IOException error, Duration retryIn) {
        if (retryIn == null) {
          emit(changes, new IncidentChange.Disconnected(ConnectionWords.of(error) + "; not retrying"));
          return;
        }
        if (lost.compareAndSet(false, true)) {
          LOG.warn("incident stream lost: {}", error.getMessage());
          emit(changes, new IncidentChange.Disconnected(ConnectionWords.of(error)));
          probe.schedule(() -> probeUntilBack(probe, lost, changes), PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    });
    return () -> {
      stream.close();
      probe.shutdownNow();
    };
  }

  private void probeUntilBack(ScheduledExecutorService probe, AtomicBoolean lost, Consumer<IncidentChange> changes) {
    try {
      client.incidents(IncidentQuery.of(null).withLimit(1));
      lost.set(false);
      emit(changes, new IncidentChange.Reconnected());
    } catch (IOException stillGone) {
      if (!probe.isShutdown()) {
        probe.schedule(() -> probeUntilBack(probe, lost, changes), PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private static void emit(Consumer<IncidentChange> changes, IncidentChange change) {
    try {
      changes.accept(change);
    } catch (RuntimeException e) {
      // The stream's reader thread must go on.
      LOG.warn("incident change listener failed", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
