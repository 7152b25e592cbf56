package dev.baton.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the load generator against a real HTTP server on loopback that counts what arrives. */
class LoadRunTest {

  private static final Pattern INSTANCE = Pattern.compile("\"instance\":\"host-(\\d+):9100\"");
  private static final Pattern PHASE = Pattern.compile("\"loadgen_phase\":\"(\\w+)\"");
  private static final Pattern TIMES = Pattern.compile("\"startsAt\":\"([^\"]+)\",\"endsAt\":\"([^\"]+)\"");

  private HttpServer server;
  private final Map<String, AtomicInteger> sendsByAlert = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** How the test server answers request number n (1-based). */
  interface Answer {
    void answer(HttpExchange exchange, int n) throws IOException;
  }

  private URI start(Answer answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/api/v2/alerts", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n = requests.incrementAndGet();
        Matcher m = INSTANCE.matcher(body);
        Matcher phase = PHASE.matcher(body);
        int inBatch = 0;
        while (m.find() && phase.find()) {
          sendsByAlert.computeIfAbsent(phase.group(1) + "/" + m.group(1), k -> new AtomicInteger()).incrementAndGet();
          inBatch++;
        }
        Matcher t = TIMES.matcher(body);
        while (t.find()) {
          assertTrue(Instant.parse(t.group(2)).isAfter(Instant.parse(t.group(1))), "endsAt after startsAt");
        }
        batchSizes.add(inBatch);
        answer.answer(exchange, n);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/alerts");
  }

  private static List<PhaseResult> run(URI url, int connections, int batch, int distinct, int resend,
      int warmup, Duration max) throws InterruptedException {
    LoadSpec spec = new LoadSpec(url, connections, batch, distinct, resend, warmup, max, "test");
    return new LoadRun(spec, LoopbackTarget.resolve(url), null).run();
  }

  private static void ok(HttpExchange exchange, int n) throws IOException {
    exchange.sendResponseHeaders(200, -1);
  }

  @Test
  void everyDistinctAlertArrivesExactlyOnceInBatchesOfTheAskedSize() throws Exception {
    URI url = start(LoadRunTest::ok);

    List<PhaseResult> results = run(url, 4, 7, 1000, 1, 0, Duration.ofSeconds(60));

    PhaseResult r = results.get(0);
    assertEquals("measured", r.phase());
    assertEquals(1000, r.alertsAccepted());
    assertEquals(143, r.requests(), "ceil(1000 / 7) requests");
    assertEquals(1000, sendsByAlert.size());
    assertTrue(sendsByAlert.values().stream().allMatch(c -> c.get() == 1), "each alert once");
    assertEquals(142, batchSizes.stream().filter(b -> b == 7).count());
    assertEquals(1, batchSizes.stream().filter(b -> b == 6).count(), "the last batch holds the remainder");
    assertEquals(Map.of(), r.errors());
    assertTrue(r.latency().p50() > 0 && r.latency().p50() <= r.latency().p99()
        && r.latency().p99() <= r.latency().max());
  }

  @Test
  void resendModePostsEachDistinctAlertRTimesAndWarmupIsKeptApart() throws Exception {
    URI url = start(LoadRunTest::ok);

    List<PhaseResult> results = run(url, 3, 1, 50, 4, 20, Duration.ofSeconds(60));

    assertEquals(2, results.size());
    assertEquals("warmup", results.get(0).phase());
    assertEquals(20, results.get(0).alertsAccepted());
    PhaseResult measured = results.get(1);
    assertEquals(200, measured.alertsAccepted());
    assertEquals(50, measured.distinct());
    assertEquals(4, measured.sendsPerAlert());
    assertEquals(70, sendsByAlert.size(), "20 warm-up alerts + 50 measured ones, all distinct");
    for (int i = 0; i < 50; i++) {
      assertEquals(4, sendsByAlert.get("measured/" + i).get(), "alert " + i);
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(1, sendsByAlert.get("warmup/" + i).get(), "warm-up alert " + i);
    }
  }

  @Test
  void nonSuccessAnswersAreCountedByStatusAndNotAsAccepted() throws Exception {
    URI url = start((exchange, n) -> {
      if (n % 4 == 0) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.sendResponseHeaders(503, -1);
      } else if (n % 10 == 0) {
        byte[] msg = "\"at least one label pair required\"".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, msg.length);
        exchange.getResponseBody().write(msg);
      } else {
        exchange.sendResponseHeaders(200, -1);
      }
    });

    PhaseResult r = run(url, 1, 1, 100, 1, 0, Duration.ofSeconds(60)).get(0);

    // one connection, so request n carries alert n-1; 25 multiples of 4, 5 multiples of 10 but not of 4 (10, 30, 50, 70, 90)
    assertEquals(Map.of("503", 25L, "400", 5L), r.errors());
    assertEquals(70, r.alertsAccepted());
    assertEquals(100, r.alertsSent());
  }

  @Test
  void chunkedBodiesAndServerClosedConnectionsAreRead() throws Exception {
    URI url = start((exchange, n) -> {
      if (n % 2 == 0) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      exchange.sendResponseHeaders(200, 0); // length 0 = chunked in the JDK server
      try (OutputStream body = exchange.getResponseBody()) {
        body.write("{\"status\":\"success\",\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        body.write("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        body.write("\"}".getBytes(StandardCharsets.UTF_8));
      }
    });

    PhaseResult r = run(url, 2, 3, 300, 1, 0, Duration.ofSeconds(60)).get(0);

    assertEquals(Map.of(), r.errors());
    assertEquals(300, r.alertsAccepted());
    assertEquals(100, requests.get());
  }

  @Test
  void theTimeBoundStopsARunThatWouldTakeTooLong() throws Exception {
    URI url = start((exchange, n) -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
    });

    long t0 = System.nanoTime();
    PhaseResult r = run(url, 2, 1, 10_000, 1, 0, Duration.ofMillis(700)).get(0);
    long tookMillis = (System.nanoTime() - t0) / 1_000_000;

    assertTrue(r.truncated());
    assertTrue(r.alertsSent() < 100, "stopped early, sent " + r.alertsSent());
    // Unbounded, the run would take 10,000 × 100 ms / 2 connections = 500 s: a minute tells the two apart
    // however slow the machine.
    assertTrue(tookMillis < 60_000, "took " + tookMillis + " ms");
  }

  @Test
  void aTargetThatIsDownEndsTheRunWithIoErrorsInsteadOfHanging() throws Exception {
    URI url;
    try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      url = URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/api/v2/alerts");
    } // closed: nobody listens on that port now

    PhaseResult r = run(url, 2, 1, 100_000, 1, 0, Duration.ofSeconds(60)).get(0);

    assertEquals(0, r.alertsAccepted());
    assertTrue(r.errors().get("io") >= 2, r.errors().toString());
    assertTrue(r.alertsSent() < 1000, "workers gave up, sent " + r.alertsSent());
  }
}
