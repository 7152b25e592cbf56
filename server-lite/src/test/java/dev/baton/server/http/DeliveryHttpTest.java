package dev.baton.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery guarantees: 2xx only after commit, group commit under concurrency, 503 instead of loss or hang. */
class DeliveryHttpTest {

  @TempDir Path dir;
  ReceiverHarness r;

  @AfterEach
  void stop() {
    if (r != null) {
      r.close();
    }
  }

  static String alert(int thread, int i) {
    return "[{\"labels\":{\"alertname\":\"Load" + thread + "\",\"instance\":\"i" + i + "\"},"
        + "\"endsAt\":\"2026-11-21T14:00:00Z\"}]";
  }

  @Test
  void everyAcknowledgedAlertFromManyConcurrentSendersIsInTheDatabaseAfterRestart() throws Exception {
    r = new ReceiverHarness(dir, "");
    int threads = 16;
    int perThread = 60;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Integer>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          codes.add(r.postJson("/api/v2/alerts", alert(thread, i)).statusCode());
        }
        return codes;
      }));
    }
    int acknowledged = 0;
    for (Future<List<Integer>> f : results) {
      for (int code : f.get(120, TimeUnit.SECONDS)) {
        assertEquals(200, code);
        acknowledged++;
      }
    }
    pool.shutdown();
    String metrics = r.get("/metrics").body();
    r.close();
    r = null;

    // reopen the file through a fresh receiver: everything acknowledged is there
    try (BatonServer again = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db")))) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + again.database());
           Statement s = c.createStatement()) {
        assertEquals(acknowledged, s.executeQuery("SELECT count(*) FROM messages").getInt(1));
        assertEquals(acknowledged, s.executeQuery("SELECT count(*) FROM alerts").getInt(1));
        assertEquals(threads, s.executeQuery("SELECT count(*) FROM incidents").getInt(1));
        assertEquals(acknowledged, s.executeQuery("SELECT count(*) FROM incident_alerts").getInt(1));
      }
    }
    long commits = Long.parseLong(metrics.split("baton_commit_batch_requests_count ")[1].split("\n")[0]);
    assertTrue(commits <= acknowledged, metrics);
  }

  @Test
  void aFullQueueAnswers503WithRetryAfterAndTheQueuedRequestsStillCommit() throws Exception {
    r = new ReceiverHarness(dir, "limits:\n  queue: 1\n  commit_timeout: 20s\n");
    try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + r.db); Statement s = lock.createStatement()) {
      s.execute("PRAGMA busy_timeout = 0");
      s.execute("BEGIN IMMEDIATE"); // another writer holds the database: our writer waits
      CompletableFuture<HttpResponse<String>> first = sendAsync(alert(0, 1));
      awaitQueueDepth(0, first);
      CompletableFuture<HttpResponse<String>> second = sendAsync(alert(0, 2));
      awaitQueueDepth(1, second);
      HttpResponse<String> third = r.postJson("/api/v2/alerts", alert(0, 3));
      IngestHttpTest.assertJsonError(third, 503);
      assertEquals("1", third.headers().firstValue("Retry-After").orElse(""));
      s.execute("ROLLBACK");
      assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(200, second.get(30, TimeUnit.SECONDS).statusCode());
    }
    assertEquals(2, r.count("SELECT count(*) FROM alerts"));
    assertTrue(r.get("/metrics").body().contains("reason=\"queue_full\"} 1"));
  }

  @Test
  void aStoreThatCannotCommitAnswers503AndRecovers() throws Exception {
    r = new ReceiverHarness(dir, "limits:\n  commit_timeout: 1s\n");
    try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + r.db); Statement s = lock.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      HttpResponse<String> blocked = r.postJson("/api/v2/alerts", alert(0, 1));
      IngestHttpTest.assertJsonError(blocked, 503);
      assertEquals("1", blocked.headers().firstValue("Retry-After").orElse(""));
      // Answered by the commit timeout while the lock is still held, not by the store giving up (its busy
      // wait) or a hang (the client's 30 s): said by the answer itself, however slow the machine.
      assertTrue(blocked.body().contains("the store did not commit within 1 s"), blocked.body());
      s.execute("ROLLBACK");
    }
    // the writer's busy wait ends with a failed transaction; later requests commit again (within a
    // minute however slow the machine: a count of tries would depend on how long each 503 takes)
    HttpResponse<String> ok = r.postJson("/api/v2/alerts", alert(0, 2));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (ok.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      ok = r.postJson("/api/v2/alerts", alert(0, 2));
    }
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(1, r.count("SELECT count(*) FROM alerts WHERE json_extract(labels, '$.instance') = 'i2'"));
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(String body) {
    return r.client.sendAsync(HttpRequest.newBuilder(URI.create(r.server.url() + "/api/v2/alerts"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits (up to 30 s: a loaded machine) until the queue holds {@code depth} requests while {@code
   * pending} is still unanswered, looking a few times before trusting it.
   */
  private void awaitQueueDepth(int depth, CompletableFuture<?> pending) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int i = 0; System.nanoTime() < deadline; i++) {
      String metrics = r.get("/metrics").body();
      boolean received = metrics.contains("baton_queue_depth " + depth + "\n");
      if (received && !pending.isDone() && i > 10) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("queue never reached depth " + depth + " within 30 s");
  }
}
