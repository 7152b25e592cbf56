package dev.baton.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.server.ingest.Event.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Alertmanager 0.25 notifying the webhook receiver and the PagerDuty endpoint on
 * loopback, for an alert that fires and then resolves: its webhook notifications and its
 * PagerDuty integration's events decode to the alert, the resolve carries the trigger's dedup key,
 * and every delivery is answered 2xx.
 */
class AlertmanagerNotifierTest {

  private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");

  private final List<IngestProtocol> protocols = IngestProtocols.all(IngestLimits.defaults());
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private Process alertmanager;
  private int alertmanagerPort;

  @TempDir
  Path dir;

  record Delivery(String path, DecodeResult result, int status) {}

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(ALERTMANAGER) || "true".equals(System.getenv("CI")),
        "Alertmanager is not installed (apt-get install prometheus-alertmanager)");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    for (IngestProtocol protocol : protocols) {
      server.createContext(protocol.path(), exchange -> {
        DecodeResult result = protocol.decode(exchange.getRequestBody().readAllBytes(), Instant.now());
        IngestProtocol.Reply reply = protocol.reply(result);
        deliveries.add(new Delivery(protocol.path(), result, reply.status()));
        send(exchange, reply);
      });
    }
    server.start();
    String baton = "http://127.0.0.1:" + server.getAddress().getPort();
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, """
        route:
          receiver: baton
          group_by: ['alertname']
          group_wait: 200ms
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: baton
            webhook_configs:
              - url: '%s/api/v1/ingest/alertmanager'
                send_resolved: true
            pagerduty_configs:
              - routing_key: 'baton-test-routing-key'
                url: '%s/v2/enqueue'
                send_resolved: true
        """.formatted(baton, baton));
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      alertmanagerPort = probe.getLocalPort();
    }
    alertmanager = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + config,
        "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address=")
        .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
    await("Alertmanager ready", () -> get("/-/ready") == 200);
  }

  @AfterEach
  void stop() throws Exception {
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly();
      }
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void firingThenResolvedThroughWebhookAndPagerDuty() throws Exception {
    Instant start = Instant.now().minusSeconds(5);
    post("[{\"labels\":{\"alertname\":\"NotifierProbe\",\"instance\":\"host-1\",\"severity\":\"critical\"},"
        + "\"annotations\":{\"summary\":\"probe fired\"},\"startsAt\":\"" + start + "\"}]");

    Delivery firing = await("firing webhook", d -> d.path().endsWith("/alertmanager")
        && d.result().events().stream().anyMatch(e -> e.status() == Status.FIRING));
    Event webhookEvent = firing.result().events().get(0);
    assertEquals(Map.of("alertname", "NotifierProbe", "instance", "host-1", "severity", "critical"), webhookEvent.labels());
    assertEquals(Map.of("summary", "probe fired"), webhookEvent.annotations());
    assertEquals(start, webhookEvent.startsAt());

    Delivery trigger = await("PagerDuty trigger", d -> d.path().equals("/v2/enqueue")
        && d.result().events().stream().anyMatch(e -> e.status() == Status.FIRING));
    Event triggerEvent = trigger.result().events().get(0);
    assertNotNull(triggerEvent.dedupKey());
    assertEquals(triggerEvent.dedupKey(), triggerEvent.labels().get("dedup_key"));
    assertEquals("error", triggerEvent.labels().get("severity"), "Alertmanager's default PagerDuty severity");
    assertTrue(triggerEvent.labels().containsKey("alertname"), triggerEvent.toString());
    assertTrue(triggerEvent.annotations().get("summary").contains("NotifierProbe"), triggerEvent.toString());
    assertTrue(triggerEvent.annotations().containsKey("custom_details"), triggerEvent.toString());

    post("[{\"labels\":{\"alertname\":\"NotifierProbe\",\"instance\":\"host-1\",\"severity\":\"critical\"},"
        + "\"annotations\":{\"summary\":\"probe fired\"},\"startsAt\":\"" + start + "\",\"endsAt\":\""
        + Instant.now().minusSeconds(1) + "\"}]");

    Delivery resolved = await("resolved webhook", d -> d.path().endsWith("/alertmanager")
        && d.result().events().stream().anyMatch(e -> e.status() == Status.RESOLVED));
    assertEquals(webhookEvent.labels(), resolved.result().events().get(0).labels());
    assertNotNull(resolved.result().events().get(0).endsAt());

    Delivery resolve = await("PagerDuty resolve", d -> d.path().equals("/v2/enqueue")
        && d.result().events().stream().anyMatch(e -> e.status() == Status.RESOLVED));
    assertEquals(triggerEvent.dedupKey(), resolve.result().events().get(0).dedupKey());

    for (Delivery delivery : deliveries) {
      assertEquals(List.of(), delivery.result().problems(), delivery.path());
      assertTrue(delivery.status() == 200 || delivery.status() == 202, delivery.toString());
      assertFalse(delivery.result().bodyRejected());
    }
  }

  private Delivery await(String what, Predicate<Delivery> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (Delivery delivery : deliveries) {
        if (match.test(delivery)) {
          return delivery;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + what + " within 30 s; got " + deliveries);
  }

  private void await(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError(what + " not reached within 30 s; log: " + Files.readString(dir.resolve("alertmanager.log")));
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private int get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanagerPort + path))
        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void post(String alerts) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alerts))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
  }

  private static void send(HttpExchange exchange, IngestProtocol.Reply reply) throws IOException {
    try (exchange) {
      if (reply.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      }
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }
}
