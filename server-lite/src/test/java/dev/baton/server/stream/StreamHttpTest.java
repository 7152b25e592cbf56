package dev.baton.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/stream} against a real receiver and SQLite file, read as a plain SSE client would. */
class StreamHttpTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String CONFIG = """
      projects:
        alpha: {service_level: Platinum}
      severity:
        labels: {critical: S1, warning: S3}
      """;
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void liveEventsCarryTheCardOrTheAlertWithTheLogIdsInOrder() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      r.fire("before", 1);
      long head = r.head();
      try (SseClient sse = r.stream(Map.of())) {
        assertEquals(200, sse.status);
        assertTrue(sse.contentType.startsWith("text/event-stream"), sse.contentType);
        SseClient.Event hello = sse.nextEvent(WAIT);
        assertEquals("hello", hello.type());
        assertEquals(Long.toString(head), hello.id(), "a fresh stream starts at the log's head");

        r.fire("live", 2);
        List<Long> expected = r.changeIdsAfter(head);
        assertEquals(4, expected.size(), "two alerts created and two incidents opened");
        List<SseClient.Event> events = sse.events(expected.size(), WAIT);
        assertEquals(expected, events.stream().map(SseClient.Event::number).toList());

        int incidents = 0;
        int alerts = 0;
        for (SseClient.Event e : events) {
          JsonNode data = json.readTree(e.data());
          assertEquals(e.number(), data.get("id").asLong());
          assertEquals(e.type(), data.get("type").asText());
          if (e.type().equals("incident")) {
            incidents++;
            assertEquals("opened", data.get("change").asText());
            JsonNode card = data.get("card");
            assertEquals(data.get("entityId").asLong(), card.get("id").asLong());
            assertEquals("alpha", card.get("project").asText());
            assertTrue(card.get("triggers").get(0).asText().startsWith("live-"), card.toString());
            assertTrue(data.get("alert").isNull());
          } else {
            alerts++;
            assertEquals("alert", e.type());
            assertEquals("created", data.get("change").asText());
            assertEquals("firing", data.get("alert").get("state").asText());
            assertTrue(data.get("card").isNull());
          }
        }
        assertEquals(2, incidents);
        assertEquals(2, alerts);
      }
    }
  }

  @Test
  void reconnectingWithLastEventIdGetsExactlyWhatWasMissedThenLive() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      r.fire("a", 3);
      long x;
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", "0"))) {
        List<SseClient.Event> replayed = sse.events(1 + 6, WAIT);
        assertEquals("hello", replayed.get(0).type());
        assertEquals("0", replayed.get(0).id());
        assertEquals(r.changeIdsAfter(0), replayed.subList(1, 7).stream().map(SseClient.Event::number).toList());
        x = replayed.get(3).number(); // the client stops in the middle of what it had
      }
      r.fire("b", 4);
      r.fire("a", 3); // re-sends: nothing changes, so nothing is logged
      List<Long> missed = r.changeIdsAfter(x);
      assertEquals(3 + 8, missed.size());
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", Long.toString(x)))) {
        SseClient.Event hello = sse.nextEvent(WAIT);
        assertEquals("hello", hello.type());
        assertEquals(Long.toString(x), hello.id());
        List<SseClient.Event> got = sse.events(missed.size(), WAIT);
        assertEquals(missed, got.stream().map(SseClient.Event::number).toList());
        r.fire("c", 1);
        List<Long> live = r.changeIdsAfter(missed.get(missed.size() - 1));
        assertEquals(live, sse.events(live.size(), WAIT).stream().map(SseClient.Event::number).toList());
        assertTrue(sse.drain(Duration.ofMillis(500)).stream().noneMatch(e -> e.id() != null),
            "nothing after the live events: no duplicates");
      }
      try (SseClient sse = new SseClient(r.url("/api/v1/stream?last_event_id=" + x), Map.of())) {
        assertEquals(Long.toString(x), sse.nextEvent(WAIT).id());
        assertEquals(r.changeIdsAfter(x), sse.events(r.changeIdsAfter(x).size(), WAIT).stream()
            .map(SseClient.Event::number).toList(), "the query parameter resumes as the header does");
      }
    }
  }

  @Test
  void withNoClientTheLogIsNotReadAndALaterClientStillGetsEverything() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      r.fire("a", 5);
      Thread.sleep(600); // two dispatcher cycles
      String metrics = r.get("/metrics").body();
      // building cards nobody reads cost ingest most of its throughput on large incidents
      assertTrue(metrics.lines().noneMatch(l -> l.startsWith("baton_stream_events_total ") && !l.endsWith(" 0")),
          metrics);
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", "0"))) {
        List<Long> all = r.changeIdsAfter(0);
        assertEquals("hello", sse.nextEvent(WAIT).type());
        assertEquals(all, sse.events(all.size(), WAIT).stream().map(SseClient.Event::number).toList());
        r.fire("b", 2);
        List<Long> live = r.changeIdsAfter(all.get(all.size() - 1));
        assertEquals(live, sse.events(live.size(), WAIT).stream().map(SseClient.Event::number).toList());
      }
    }
  }

  @Test
  void exactlyOnceAcrossAReceiverRestart() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      r.fire("before", 2);
      long x;
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", "0"))) {
        List<SseClient.Event> got = sse.events(1 + 4, WAIT);
        x = got.get(got.size() - 1).number();
      }
      r.stop();
      r.start();
      r.fire("after", 3);
      r.fire("before", 2); // unchanged re-sends after the restart: nothing to log
      List<Long> missed = r.changeIdsAfter(x);
      assertEquals(6, missed.size());
      assertEquals(x + 1, missed.get(0), "ids continue after the restart");
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", Long.toString(x)))) {
        assertEquals("hello", sse.nextEvent(WAIT).type());
        List<SseClient.Event> got = sse.events(missed.size(), WAIT);
        assertEquals(missed, got.stream().map(SseClient.Event::number).toList());
        assertTrue(sse.drain(Duration.ofMillis(500)).stream().noneMatch(e -> e.id() != null), "no duplicates");
      }
    }
  }

  @Test
  void anIdOlderThanTheLogOrFromAnotherDatabaseIsToldToReload() throws Exception {
    String config = CONFIG + "stream: {retain_events: 3}\n";
    try (StreamReceiver r = new StreamReceiver(dir, config)) {
      r.fire("a", 4);
      r.clock.advance(Duration.ofSeconds(5)); // the next transaction prunes
      r.fire("b", 1);
      List<Long> kept = r.changeIdsAfter(0);
      assertTrue(kept.get(0) > 2, "pruned to the newest rows: " + kept);
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", "1"))) {
        SseClient.Event reload = sse.nextEvent(WAIT);
        assertEquals("reload", reload.type());
        assertNull(reload.id(), "a reload leaves the client's id alone");
        assertTrue(json.readTree(reload.data()).get("reason").asText().contains("no longer kept"), reload.data());
        assertEquals(SseClient.END, sse.nextEvent(WAIT), "the stream ends after reload");
      }
      long edge = kept.get(0) - 1; // everything after it is still there
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", Long.toString(edge)))) {
        assertEquals("hello", sse.nextEvent(WAIT).type());
        assertEquals(kept, sse.events(kept.size(), WAIT).stream().map(SseClient.Event::number).toList());
      }
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", "99999"))) {
        SseClient.Event reload = sse.nextEvent(WAIT);
        assertEquals("reload", reload.type());
        assertTrue(reload.data().contains("another database"), reload.data());
      }
    }
  }

  @Test
  void aBadLastEventIdIsALocated400() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      HttpResponse<String> bad = r.get("/api/v1/stream", "Last-Event-ID", "abc");
      assertEquals(400, bad.statusCode());
      JsonNode body = json.readTree(bad.body());
      assertEquals("Last-Event-ID", body.get("parameter").asText());
      assertTrue(body.get("message").asText().contains("'abc' is not an event id"), bad.body());
      assertEquals(400, r.get("/api/v1/stream?last_event_id=-3").statusCode());
    }
  }

  @Test
  void idleStreamsGetKeepaliveComments() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG + "stream: {keepalive: 200ms}\n")) {
      try (SseClient sse = r.stream(Map.of())) {
        assertEquals("hello", sse.next(WAIT).type());
        SseClient.Event first = sse.next(WAIT);
        SseClient.Event second = sse.next(WAIT);
        assertEquals(":", first.type());
        assertEquals("keepalive", first.data());
        assertEquals(":", second.type());
      }
    }
  }

  @Test
  void streamsNeedAReadRole() throws Exception {
    String config = CONFIG + """
        tokens:
          - {name: prom, role: ingest, secret: ingest-secret-0123456789}
          - {name: viewer, role: read, secret: viewer-secret-0123456789}
        """;
    try (StreamReceiver r = new StreamReceiver(dir, config)) {
      assertEquals(401, r.get("/api/v1/stream").statusCode());
      assertEquals(401, r.get("/api/v1/stream", "Authorization", "Bearer wrong").statusCode());
      HttpResponse<String> ingest = r.get("/api/v1/stream", "Authorization", "Bearer ingest-secret-0123456789");
      assertEquals(403, ingest.statusCode());
      assertTrue(ingest.body().contains("needs read"), ingest.body());
      try (SseClient sse = r.stream(Map.of("Authorization", "Bearer viewer-secret-0123456789"))) {
        assertEquals(200, sse.status);
        assertEquals("hello", sse.nextEvent(WAIT).type());
        r.fire("x", 1, "Authorization", "Bearer ingest-secret-0123456789");
        assertEquals(2, sse.events(2, WAIT).stream().filter(e -> e.id() != null).count());
      }
    }
  }

  @Test
  void concurrentClientsEachGetEveryEventAndStreamsDoNotStarveOtherRequests() throws Exception {
    // two HTTP threads only: five streams must not take them from ingest and reads
    String config = CONFIG + "limits: {http_threads: 2}\n";
    try (StreamReceiver r = new StreamReceiver(dir, config)) {
      List<SseClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          SseClient c = r.stream(Map.of());
          assertEquals("hello", c.nextEvent(WAIT).type());
          clients.add(c);
        }
        long head = r.head();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          int n = i;
          sent.add(senders.submit(() -> {
            r.fire("s" + n, 5);
            return null;
          }));
        }
        for (Future<?> f : sent) {
          f.get();
        }
        senders.shutdown();
        assertEquals(200, r.get("/api/v1/incidents?limit=5").statusCode());
        List<Long> expected = r.changeIdsAfter(head);
        assertEquals(60, expected.size());
        for (SseClient c : clients) {
          assertEquals(expected, c.events(expected.size(), WAIT).stream().map(SseClient.Event::number).toList());
        }
        String metrics = r.get("/metrics").body();
        assertTrue(metrics.contains("baton_stream_clients 5"), metrics);
      } finally {
        for (SseClient c : clients) {
          c.close();
        }
      }
    }
  }

  /** A client that connects with a tiny receive buffer and reads nothing until the test says so. */
  private static Socket idleClient(StreamReceiver r) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", r.server.port()), 5000);
    socket.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** Waits until the receiver's metrics contain {@code line}. */
  private static String awaitMetric(StreamReceiver r, String line) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String metrics;
    do {
      metrics = r.get("/metrics").body();
      if (metrics.contains(line)) {
        return metrics;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no '" + line + "' in /metrics within " + WAIT + ":\n" + metrics);
  }

  @Test
  void aClientTooFarBehindIsToldToReloadAndDisconnectedWhileOthersKeepUp() throws Exception {
    // a commit of 50 alerts is 100 events: a client that keeps up never has more than that waiting
    String config = CONFIG + "stream: {client_queue: 150}\n";
    String padding = "x".repeat(60_000); // alert events carry annotations: megabytes quickly
    try (StreamReceiver r = new StreamReceiver(dir, config); Socket slow = idleClient(r);
         SseClient fast = r.stream(Map.of())) {
      assertEquals("hello", fast.nextEvent(WAIT).type());
      awaitMetric(r, "baton_stream_clients 2");
      long head = r.head();
      List<Long> seen = new ArrayList<>();
      long mark = head;
      for (int i = 0; i < 8; i++) {
        r.firePadded("big" + i, 50, padding);
        // The fast client reads each commit's events before the next commit, so it never has more
        // than one commit waiting however busy the machine is; the slow one reads nothing.
        List<Long> commit = r.changeIdsAfter(mark);
        seen.addAll(fast.events(commit.size(), WAIT).stream().map(SseClient.Event::number).toList());
        mark = commit.get(commit.size() - 1);
      }
      awaitMetric(r, "baton_stream_reloads_total{reason=\"overflow\"} 1");
      assertEquals(r.changeIdsAfter(head), seen, "a slow client does not hold up the others");
      slow.setSoTimeout((int) WAIT.toMillis());
      String received = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int reload = received.lastIndexOf("event: reload");
      assertTrue(reload > 0, "the slow client is told to reload");
      assertTrue(received.indexOf("fell more than 150 events behind", reload) > 0, received.substring(reload));
      assertFalse(received.substring(reload).contains("id: "), "nothing after the reload: the stream ended");
      awaitMetric(r, "baton_stream_clients 1");
    }
  }

  @Test
  void aClientThatStopsReadingIsCutAfterTheStallTimeout() throws Exception {
    String config = CONFIG + "stream: {stall_timeout: 1s}\n";
    String padding = "x".repeat(60_000);
    try (StreamReceiver r = new StreamReceiver(dir, config); Socket stalled = idleClient(r)) {
      awaitMetric(r, "baton_stream_clients 1");
      for (int i = 0; i < 4; i++) {
        r.firePadded("big" + i, 50, padding);
      }
      awaitMetric(r, "baton_stream_reloads_total{reason=\"stalled\"} 1");
      awaitMetric(r, "baton_stream_clients 0");
      r.fire("after", 1); // the writer and the stream go on
      try (SseClient sse = r.stream(Map.of("Last-Event-ID", Long.toString(r.head() - 2)))) {
        assertEquals(2, sse.events(3, WAIT).stream().filter(e -> e.id() != null && !e.type().equals("hello")).count());
      }
    }
  }

  @Test
  void stoppingTheReceiverEndsOpenStreams() throws Exception {
    StreamReceiver r = new StreamReceiver(dir, CONFIG);
    try (SseClient sse = r.stream(Map.of())) {
      assertEquals("hello", sse.nextEvent(WAIT).type());
      r.stop();
      assertEquals(SseClient.END, sse.nextEvent(WAIT));
    } finally {
      r.close();
    }
  }

  @Test
  void aHumanActionIsAnIncidentEventWithTheNewCard() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      r.fire("a", 1);
      try (SseClient sse = r.stream(Map.of())) {
        assertEquals("hello", sse.nextEvent(WAIT).type());
        HttpResponse<String> taken = r.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(r.url("/api/v1/incidents/1/take")))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, taken.statusCode(), taken.body());
        SseClient.Event e = sse.nextEvent(WAIT);
        assertEquals("incident", e.type());
        JsonNode data = json.readTree(e.data());
        assertEquals("taken", data.get("change").asText());
        assertEquals("taken", data.get("card").get("status").asText());
        assertEquals(json.readTree(taken.body()).get("version").asLong(), data.get("card").get("version").asLong());
      }
    }
  }

  @Test
  void everyChangeIsLoggedInTheTransactionThatMadeIt() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      r.fire("a", 1);
      List<List<Object>> rows = dev.baton.server.DatabaseRows.query(r.db,
          "SELECT entity, change, entity_id FROM change_log ORDER BY id");
      assertEquals(List.of(List.of("alert", "created", 1), List.of("incident", "opened", 1)), rows);
      r.server.closeIncident(1, "ann", "done").get();
      List<List<Object>> after = dev.baton.server.DatabaseRows.query(r.db,
          "SELECT entity, change, entity_id, version FROM change_log WHERE id > 2 ORDER BY id");
      assertEquals(1, after.size());
      assertEquals(List.of("incident", "closed", 1), after.get(0).subList(0, 3));
      assertNotNull(after.get(0).get(3), "the incident version the close wrote");
      assertFalse(r.changeIdsAfter(0).isEmpty());
    }
  }
}
