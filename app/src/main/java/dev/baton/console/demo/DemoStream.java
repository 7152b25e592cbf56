package dev.baton.console.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link DemoScenario} into a receiver through its real ingest endpoints over HTTP, as
 * Prometheus ({@code POST /api/v2/alerts}) and a script ({@code POST /api/v1/events}) would.
 */
public final class DemoStream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoStream.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI receiver;
  private final String token;
  private final Clock clock;
  private final DemoScenario scenario;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private ScheduledExecutorService schedule;

  /** @param token a bearer token of role ingest, or null when the receiver has no tokens */
  public DemoStream(URI receiver, String token, Clock clock, long seed) {
    this.receiver = receiver;
    this.token = token;
    this.clock = clock;
    this.scenario = new DemoScenario(seed);
  }

  /** Sends the next round now; throws when the receiver refuses it, saying what it answered. */
  public synchronized DemoScenario.Round step() throws IOException {
    DemoScenario.Round round = scenario.next(clock.instant());
    if (!round.alertmanager().isEmpty()) {
      post("/api/v2/alerts", round.alertmanager());
    }
    if (!round.events().isEmpty()) {
      post("/api/v1/events", round.events());
    }
    sent.addAndGet(round.size());
    return round;
  }

  /** Sends a round every {@code every} in the background until closed; failures are kept, not thrown. */
  public synchronized void start(Duration every) {
    if (schedule != null) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "baton-demo");
      thread.setDaemon(true);
      return thread;
    });
    schedule.scheduleWithFixedDelay(() -> {
      try {
        step();
        lastError.set(null);
      } catch (IOException e) {
        lastError.set(e.getMessage());
        LOG.warn("demo: {}", e.getMessage());
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized boolean running() {
    return schedule != null;
  }

  /** Alerts and events the receiver has accepted so far. */
  public long sent() {
    return sent.get();
  }

  /** Why the last background round failed, if it did. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError.get());
  }

  @Override
  public synchronized void close() {
    if (schedule != null) {
      schedule.shutdownNow();
      schedule = null;
    }
  }

  private void post(String path, Object body) throws IOException {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("demo payload is not serialisable", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(receiver.resolve(path))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending demo alerts to " + receiver, e);
    } catch (IOException e) {
      throw new IOException("cannot send demo alerts to " + receiver + path + ": " + e.getMessage(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("receiver " + receiver + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
  }
}
