package dev.baton.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A test kills the receiver with SIGKILL in the middle of a load, restarts it, and checks that
 * every alert that got a 2xx is there." The receiver runs as its own JVM; several threads post
 * distinct alerts and remember every alert whose request was answered 2xx.
 */
class SigkillDurabilityTest {

  private static final int THREADS = 4;
  private static final int BATCH = 5;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 5_000;

  @Test
  void everyAlertAnswered2xxIsStoredAfterASigkillInTheMiddleOfALoad(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("baton.db");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger inFlightWhenKilled = new AtomicInteger();
    AtomicInteger unexpectedStatus = new AtomicInteger();
    List<Thread> posters = new ArrayList<>();

    try (ReceiverProcess receiver = ReceiverProcess.start(dir, db)) {
      URI url = URI.create(receiver.url("/api/v2/alerts"));
      for (int t = 0; t < THREADS; t++) {
        String thread = "t" + t;
        Thread poster = new Thread(() -> post(url, thread, acknowledged, killed, inFlightWhenKilled, unexpectedStatus),
            "durability-poster-" + t);
        posters.add(poster);
        poster.start();
      }

      Await.until(ACKNOWLEDGED_BEFORE_KILL + " acknowledged alerts", Duration.ofSeconds(60),
          acknowledged::size, n -> n >= ACKNOWLEDGED_BEFORE_KILL);
      receiver.kill();
      // Set once the process is gone: a request that began before this and failed was under way when it died.
      killed.set(true);
      for (Thread poster : posters) {
        poster.join(30_000);
        assertTrue(!poster.isAlive(), poster.getName() + " did not stop after the receiver died");
      }
      assertTrue(!receiver.isAlive());
    }

    assertTrue(inFlightWhenKilled.get() >= 1,
        "the kill must hit the receiver while requests are in flight; none were");
    assertEquals(0, unexpectedStatus.get(), "answers other than 2xx or 503 while the receiver ran");

    Set<String> stored;
    try (ReceiverProcess restarted = ReceiverProcess.start(dir, db)) {
      // The restarted receiver takes new alerts on the same database.
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(restarted.url("/api/v2/alerts")))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body("after-restart", 0, 1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      restarted.stop();
    }
    stored = new BatonDb(db).alerts().stream()
        .map(a -> a.labels().get("probe"))
        .filter(p -> p != null)
        .collect(Collectors.toSet());

    Set<String> lost = new java.util.TreeSet<>(acknowledged);
    lost.removeAll(stored);
    assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size()
        + " acknowledged alerts are missing after SIGKILL, e.g. " + lost.stream().limit(10).toList());
    assertTrue(stored.contains("after-restart-0-0"), "the alert posted after the restart is stored");
    // Requests in flight at the kill may have been committed without their answer arriving: stored ⊇ acknowledged.
    assertTrue(stored.size() >= acknowledged.size() + 1);
  }

  private static void post(URI url, String thread, Set<String> acknowledged, AtomicBoolean killed,
      AtomicInteger inFlightWhenKilled, AtomicInteger unexpectedStatus) {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    for (int n = 0; ; n++) {
      boolean killedBefore = killed.get();
      HttpRequest request = HttpRequest.newBuilder(url)
          // Generous: a poster that gives up while the receiver still runs stops posting for good.
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body(thread, n, BATCH)))
          .build();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
          for (int i = 0; i < BATCH; i++) {
            acknowledged.add(probe(thread, n, i));
          }
        } else if (status != 503) {
          unexpectedStatus.incrementAndGet();
        }
      } catch (IOException e) {
        if (!killedBefore) {
          inFlightWhenKilled.incrementAndGet();
        }
        return; // the receiver is gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String probe(String thread, int request, int index) {
    return thread + "-" + request + "-" + index;
  }

  /** {@code count} distinct alerts as Prometheus would post them; label probe identifies each. */
  private static String body(String thread, int request, int count) {
    Instant now = Instant.now();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"labels\":{\"alertname\":\"DurabilityProbe\",\"severity\":\"warning\",\"probe\":\"")
          .append(probe(thread, request, i)).append("\"},\"annotations\":{\"summary\":\"SIGKILL test\"},")
          .append("\"startsAt\":\"").append(now).append("\",\"endsAt\":\"").append(now.plusSeconds(240))
          .append("\"}");
    }
    return json.append(']').toString();
  }
}
