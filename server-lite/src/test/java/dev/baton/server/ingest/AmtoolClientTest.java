package dev.baton.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debian's real {@code amtool} (Alertmanager 0.25) posting to the v2 decoder over HTTP on
 * loopback: what amtool writes decodes as intended, and amtool shows a rejection's message to
 * its user. Only the decoder is under test; the status endpoint amtool probes first answers
 * {@code {}}, which amtool accepts.
 */
class AmtoolClientTest {

  private static final Path AMTOOL = Path.of("/usr/bin/amtool");

  private final IngestProtocol protocol = Protocols.byPath(IngestLimits.defaults(), "/api/v2/alerts");
  private final List<DecodeResult> decoded = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(AMTOOL) || "true".equals(System.getenv("CI")),
        "amtool is not installed (apt-get install prometheus-alertmanager)");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/status", exchange -> send(exchange, 200, "application/json", utf8("{}")));
    server.createContext("/api/v2/alerts", exchange -> {
      DecodeResult result = protocol.decode(exchange.getRequestBody().readAllBytes(), Instant.now());
      decoded.add(result);
      IngestProtocol.Reply reply = protocol.reply(result);
      send(exchange, reply.status(), reply.contentType(), reply.body());
    });
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void alertAddDecodesToTheAlertItDescribes() throws Exception {
    Run run = amtool("alert", "add", "alertname=DiskFull", "instance=host-1:9100", "severity=warning",
        "--annotation=summary=Disk almost full", "--annotation=runbook_url=https://runbooks.example/disk",
        "--generator-url=http://prometheus.example:9090/graph", "--start=2026-11-21T13:11:12Z");

    assertEquals(0, run.exitCode(), run.output());
    assertEquals(1, decoded.size());
    assertEquals(List.of(), decoded.get(0).problems());
    Event event = decoded.get(0).events().get(0);
    assertEquals(Map.of("alertname", "DiskFull", "instance", "host-1:9100", "severity", "warning"), event.labels());
    assertEquals(Map.of("summary", "Disk almost full", "runbook_url", "https://runbooks.example/disk"),
        event.annotations());
    assertEquals(Instant.parse("2026-11-21T13:11:12Z"), event.startsAt());
    assertNull(event.endsAt(), "amtool's zero end time is unset");
    assertEquals(Status.FIRING, event.status());
    assertEquals(Kind.LASTING, event.kind());
    assertEquals("http://prometheus.example:9090/graph", event.generatorUrl());
  }

  @Test
  void anEndInThePastResolves() throws Exception {
    Run run = amtool("alert", "add", "alertname=DiskFull", "--start=2026-01-01T00:00:00Z", "--end=2026-01-01T01:00:00Z");

    assertEquals(0, run.exitCode(), run.output());
    Event event = decoded.get(0).events().get(0);
    assertEquals(Status.RESOLVED, event.status());
    assertEquals(Instant.parse("2026-01-01T01:00:00Z"), event.endsAt());
  }

  @Test
  void amtoolShowsTheLocatedRejection() throws Exception {
    Run run = amtool("alert", "add", "alertname=Backwards", "--start=2026-01-02T00:00:00Z", "--end=2026-01-01T00:00:00Z");

    assertNotEquals(0, run.exitCode());
    assertTrue(run.output().contains("alerts[0].endsAt: start time must be before end time"), run.output());
    assertTrue(decoded.get(0).bodyRejected());
  }

  private Run amtool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(AMTOOL.toString());
    command.add("--alertmanager.url=http://127.0.0.1:" + server.getAddress().getPort());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("amtool did not finish within 30 s");
    }
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    try (exchange) {
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private record Run(int exitCode, String output) {}
}
