package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.IncidentDetail;
import dev.baton.api.model.IncidentPage;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real embedded receiver (SQLite file, loopback HTTP), fed through its ingest endpoint. */
class BatonClientTest {

  private static final String VIEWER = "viewer-secret-0123456789";
  private static final String SENDER = "ingest-secret-0123456789";
  private static final String CONFIG = """
      tokens:
        - {name: wall, role: read, secret: %s}
        - {name: prom, role: ingest, secret: %s}
      projects:
        alpha: {service_level: Platinum}
      severity:
        labels: {critical: S1, warning: S3}
        default: S6
      """.formatted(VIEWER, SENDER);

  @TempDir
  static Path dir;
  static BatonServer server;
  static BatonClient client;

  @BeforeAll
  static void start() throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(CONFIG, "test.yml")));
    fire("DiskFull", "alpha", "critical", "db1", "storage");
    fire("DiskFull", "alpha", "critical", "db2", "storage");
    fire("HighLatency", "alpha", "warning", "lb1", "web");
    fire("CpuHot", "beta", "warning", "app1", "web");
    client = BatonClient.builder(server.url()).token(VIEWER).readTimeout(Duration.ofSeconds(30)).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  /** Alertmanager's API v2, as Prometheus sends it, with the ingest token. */
  private static void fire(String name, String project, String severity, String instance, String team) throws IOException {
    AlertSender.fire(server.url(), SENDER, Map.of("alertname", name, "project", project, "severity", severity,
        "instance", instance, "team", team));
  }

  @Test
  void listsFiltersAndPagesIncidents() throws Exception {
    IncidentPage all = client.incidents(IncidentQuery.of(null));
    assertEquals(3, all.items().size());
    IncidentCard disk = client.incidents(IncidentQuery.of("~team = storage")).items().get(0);
    assertEquals(List.of("DiskFull"), disk.triggers());
    assertEquals("S1", disk.severity());
    assertEquals(List.of("db1", "db2"), disk.labels().get("instance"));
    assertEquals("urgent", disk.sla().slaClass());
    assertEquals(Duration.ofMinutes(1), disk.sla().responseTime());
    assertEquals(2, disk.alertCount());

    List<Long> paged = new ArrayList<>();
    IncidentQuery q = IncidentQuery.of("").withLimit(1).withSort("opened");
    IncidentPage page = client.incidents(q);
    paged.add(page.items().get(0).id());
    while (page.nextCursor() != null) {
      page = client.incidents(q.after(page.nextCursor()));
      page.items().forEach(c -> paged.add(c.id()));
    }
    assertEquals(3, paged.size());
    assertEquals(3, paged.stream().distinct().count());
    assertEquals(0, client.incidents(IncidentQuery.of(null).withStatuses("closed")).items().size());
  }

  @Test
  void readsOneIncidentAndItsAnalytics() throws Exception {
    long id = client.incidents(IncidentQuery.of("trigger = DiskFull")).items().get(0).id();
    IncidentDetail d = client.incident(id);
    assertEquals(2, d.alerts().size());
    assertEquals("storage", d.alerts().get(0).labels().get("team"));
    assertNull(d.alerts().get(0).periods().get(0).end());
    assertEquals("opened", d.timeline().get(0).kind());
    assertEquals(0, client.history(id, null).total());
    assertEquals(0, client.similar(id, 5).inAllProjects().total());
    assertEquals(1, client.others(id, null).total());
    assertEquals("HighLatency", client.others(id, null).items().get(0).triggers().get(0));
  }

  @Test
  void readsAlertsLabelsAndAlertmanagerView() throws Exception {
    assertEquals(2, client.alerts("~team = web", null, null).items().size());
    assertTrue(client.labels().names().contains("team"));
    assertEquals(List.of("db1", "db2"), client.labelValues("instance", "db").values());
    assertEquals(2, client.alertmanagerAlerts(List.of("alertname=\"DiskFull\"")).size());
    assertEquals(4, client.alertmanagerAlerts(List.of()).size());
  }

  @Test
  void errorsCarryStatusMessageAndMqlLocation() throws Exception {
    BatonApiException mql = assertThrows(BatonApiException.class,
        () -> client.incidents(IncidentQuery.of("project = alpha AND sevrity < S2")));
    assertEquals(400, mql.status());
    assertEquals("q", mql.parameter());
    assertEquals(1, mql.problems().get(0).line());
    assertEquals(21, mql.problems().get(0).column());
    assertTrue(mql.problems().get(0).caret().endsWith("^"));
    BatonApiException limit = assertThrows(BatonApiException.class,
        () -> client.incidents(IncidentQuery.of(null).withLimit(0)));
    assertEquals("limit", limit.parameter());
    BatonApiException missing = assertThrows(BatonApiException.class, () -> client.incident(987654));
    assertEquals(404, missing.status());
    assertTrue(missing.getMessage().contains("987654"), missing.getMessage());
    try (BatonClient anonymous = BatonClient.builder(server.url()).build()) {
      assertEquals(401, assertThrows(BatonApiException.class, anonymous::labels).status());
    }
    try (BatonClient sender = BatonClient.builder(server.url()).token(SENDER).build()) {
      assertEquals(403, assertThrows(BatonApiException.class, sender::labels).status());
    }
  }
}
