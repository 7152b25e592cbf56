package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.api.model.StreamEvent;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BatonClient#stream} against a real embedded receiver, restarted on the same database and port. */
class StreamSubscriptionTest {

  private static final String VIEWER = "viewer-secret-0123456789";
  private static final String SENDER = "ingest-secret-0123456789";
  private static final String CONFIG = """
      tokens:
        - {name: wall, role: read, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      projects:
        alpha: {service_level: Platinum}
      stream: {retain_events: 4}
      """.formatted(VIEWER, SENDER);

  @TempDir
  Path dir;
  private BatonServer server;
  private final Recorder recorder = new Recorder();

  /** What the listener was told, in order: events as "id", reloads as "reload", failures as "failure". */
  static final class Recorder implements StreamListener {
    final LinkedBlockingQueue<Object> calls = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(StreamEvent event) {
      calls.add(event);
    }

    @Override
    public void onReload() {
      calls.add("reload");
    }

    @Override
    public void onFailure(IOException error, Duration retryIn) {
      calls.add(new Failure(error, retryIn));
    }

    Object next() throws InterruptedException {
      Object o = calls.poll(30, TimeUnit.SECONDS);
      assertNotNull(o, "nothing reached the listener within 30 s");
      return o;
    }

    /** The next {@code n} events, skipping failures (reconnects) in between. */
    List<StreamEvent> events(int n) throws InterruptedException {
      List<StreamEvent> out = new ArrayList<>();
      while (out.size() < n) {
        Object o = next();
        if (o instanceof StreamEvent e) {
          out.add(e);
        } else {
          assertInstanceOf(Failure.class, o, "only reconnects may come between events");
        }
      }
      return out;
    }
  }

  record Failure(IOException error, Duration retryIn) {
  }

  private void start(int port) throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(CONFIG, "test.yml")).withListen(new InetSocketAddress("127.0.0.1", port)));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void fire(String name) throws IOException {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", Map.of("alertname", name, "project", "alpha", "severity", "critical"));
    alert.put("startsAt", Instant.now().minusSeconds(60).toString());
    byte[] body = new ObjectMapper().writeValueAsBytes(List.of(alert));
    try (Response r = new OkHttpClient().newCall(new Request.Builder().url(server.url() + "/api/v2/alerts")
        .header("Authorization", "Bearer " + SENDER)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      assertEquals(200, r.code(), r.body().string());
    }
  }

  private List<Long> changeIdsAfter(long id) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("baton.db"));
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM change_log WHERE id > " + id
             + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  @Test
  void aFreshStreamSaysReloadFirstThenDeliversTypedEvents() throws Exception {
    start(0);
    fire("Before");
    try (BatonClient client = BatonClient.builder(server.url()).token(VIEWER).build();
         StreamSubscription sub = client.stream(null, recorder)) {
      assertEquals("reload", recorder.next(), "fetch the list now: the stream starts here");
      fire("DiskFull");
      List<StreamEvent> events = recorder.events(2);
      assertEquals(StreamEvent.ALERT, events.get(0).type());
      assertEquals("DiskFull", events.get(0).alert().trigger());
      assertEquals(StreamEvent.INCIDENT, events.get(1).type());
      assertEquals(List.of("DiskFull"), events.get(1).card().triggers());
      assertEquals("opened", events.get(1).change());
      assertEquals(events.get(0).id() + 1, events.get(1).id());
      assertEquals(Long.toString(events.get(1).id()), sub.lastEventId());
    }
  }

  @Test
  void resumesExactlyAfterTheLastEventAcrossAReceiverRestart() throws Exception {
    start(0);
    int port = server.port();
    fire("A");
    try (BatonClient client = BatonClient.builder(server.url()).token(VIEWER).build();
         StreamSubscription sub = client.stream("0", recorder)) {
      List<StreamEvent> first = recorder.events(2);
      assertEquals(List.of(1L, 2L), first.stream().map(StreamEvent::id).toList(), "resumed from 0: a replay, no reload");
      server.close();
      server = null;
      Object failure = recorder.next();
      assertInstanceOf(Failure.class, failure);
      assertNotNull(((Failure) failure).retryIn(), "a dropped stream is retried");
      start(port);
      fire("B");
      fire("C");
      List<Long> missed = changeIdsAfter(2);
      assertEquals(4, missed.size());
      assertEquals(missed, recorder.events(4).stream().map(StreamEvent::id).toList());
      assertEquals(Long.toString(missed.get(3)), sub.lastEventId());
    }
    Object extra = recorder.calls.poll(300, TimeUnit.MILLISECONDS);
    assertTrue(extra == null || extra instanceof Failure, "no duplicate after the missed events: " + extra);
  }

  @Test
  void anIdTheLogNoLongerHoldsBecomesAReloadAndTheStreamGoesOn() throws Exception {
    start(0);
    for (String name : List.of("A", "B", "C")) {
      fire(name);
      Thread.sleep(1100); // the writer prunes at most once a second
    }
    fire("D");
    assertTrue(changeIdsAfter(0).get(0) > 2, "pruned to the newest rows");
    try (BatonClient client = BatonClient.builder(server.url()).token(VIEWER).build();
         StreamSubscription sub = client.stream("1", recorder)) {
      assertEquals("reload", recorder.next());
      fire("E");
      List<StreamEvent> events = recorder.events(2);
      assertEquals(List.of("E"), events.get(1).card().triggers());
    }
  }

  @Test
  void aTokenWithoutReadRoleFailsOnceWithTheReceiversMessage() throws Exception {
    start(0);
    try (BatonClient client = BatonClient.builder(server.url()).token(SENDER).build();
         StreamSubscription sub = client.stream(null, recorder)) {
      Failure f = (Failure) recorder.next();
      BatonApiException refused = assertInstanceOf(BatonApiException.class, f.error());
      assertEquals(403, refused.status());
      assertTrue(refused.getMessage().contains("needs read"), refused.getMessage());
      assertNull(f.retryIn(), "a refused token is not retried");
      assertNull(recorder.calls.poll(1, TimeUnit.SECONDS));
    }
  }
}
