package dev.baton.console.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.BatonClient;
import dev.baton.console.TestReceiver;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source against a real embedded receiver (SQLite file, loopback HTTP), fed through its ingest endpoint. */
class ApiIncidentSourceTest {

  @TempDir
  Path dir;
  private BatonServer server;
  private ApiIncidentSource source;

  @BeforeEach
  void start() throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(TestReceiver.CONFIG, "test.yml")));
    source = new ApiIncidentSource(BatonClient.builder(server.url()).build());
  }

  @AfterEach
  void stop() {
    source.close();
    server.close();
  }

  /** Alertmanager's API v2, as Prometheus sends it. */
  private void fire(String name, String project, String severity, String instance) throws Exception {
    String body = """
        [{"labels": {"alertname": "%s", "project": "%s", "severity": "%s", "instance": "%s"},
          "annotations": {"summary": "%s on %s"}, "startsAt": "%s"}]
        """.formatted(name, project, severity, instance, name, instance, Instant.now().minusSeconds(60));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void loadReturnsTheReceiversIncidentsAsCards() throws Exception {
    fire("DiskFull", "alpha", "critical", "db1");
    fire("DiskFull", "alpha", "critical", "db2");
    fire("CpuHot", "beta", "warning", "app1");

    Map<String, IncidentCard> byProject = source.load().stream()
        .collect(Collectors.toMap(IncidentCard::project, Function.identity()));

    assertEquals(2, byProject.size(), byProject.toString());
    IncidentCard disk = byProject.get("alpha");
    assertEquals(List.of("DiskFull"), disk.triggers());
    assertEquals(Severity.of(1), disk.severity());
    assertEquals(SlaClass.URGENT, disk.sla().slaClass());
    assertEquals(2, disk.alertCount());
    assertEquals(List.of("db1", "db2"), disk.labels().get("instance"));
    assertEquals(WorkflowStatus.OPEN, disk.status());
    assertEquals(AlertState.FIRING, disk.state());
    IncidentCard cpu = byProject.get("beta");
    assertEquals(List.of("CpuHot"), cpu.triggers());
    assertEquals(Severity.of(3), cpu.severity());
    assertNotEquals(SlaClass.URGENT, cpu.sla().slaClass(), "a warning of an unlisted project");
  }

  @Test
  void loadPagesThroughMoreIncidentsThanOnePage() throws Exception {
    int incidents = ApiIncidentSource.PAGE + 3;
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < incidents; i++) {
      body.append(i == 0 ? "" : ",").append("""
          {"labels": {"alertname": "Hot%d", "project": "p%d", "severity": "warning"}}""".formatted(i, i));
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body + "]")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());

    List<IncidentCard> cards = source.load();
    assertEquals(incidents, cards.size());
    assertEquals(incidents, cards.stream().map(IncidentCard::id).distinct().count());
  }

  @Test
  void subscribeFollowsTheStream() throws Exception {
    fire("DiskFull", "alpha", "critical", "db1");
    assertEquals(1, source.load().size());

    LinkedBlockingQueue<IncidentChange> changes = new LinkedBlockingQueue<>();
    try (AutoCloseable subscription = source.subscribe(changes::add)) {
      IncidentChange first = changes.poll(20, TimeUnit.SECONDS);
      assertTrue(first instanceof IncidentChange.Reload, "a new stream asks for a reload first, got " + first);
      fire("CpuHot", "beta", "warning", "app1");
      IncidentChange change = changes.poll(20, TimeUnit.SECONDS);
      assertTrue(change instanceof IncidentChange.Upserted, "got " + change);
      IncidentCard card = ((IncidentChange.Upserted) change).card();
      assertEquals("beta", card.project());
      assertEquals(List.of("CpuHot"), card.triggers());
      // the incident already loaded is unchanged: no change for it.
      assertNull(changes.poll(1, TimeUnit.SECONDS));
    }
  }
}
