package dev.baton.console.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.MovableClock;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo feeds a real embedded receiver over HTTP; what it stored is read back from its SQLite file. */
class DemoStreamTest {

  @TempDir
  Path dir;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T14:00:00Z"));
  private BatonServer server;

  @BeforeEach
  void start() throws Exception {
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(ConfigLoader.parse(DemoScenario.receiverConfig(), "baton-demo.yml"))
        .withClock(clock)
        .withTickInterval(Duration.ZERO));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aFewRoundsGiveEverySeverityEveryClassFlappingMultiTriggerAndASilentSource() throws Exception {
    DemoStream demo = new DemoStream(URI.create(server.url()), null, clock, 42);
    for (int i = 0; i < 8; i++) {
      demo.step();
      clock.advance(Duration.ofSeconds(20));
      server.tick().join();
    }
    clock.advance(Duration.ofMinutes(3));
    server.tick().join();
    assertTrue(demo.sent() > 8 * 10, "sent " + demo.sent());

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + server.database())) {
      Set<Integer> severities = new TreeSet<>(column(db, "SELECT DISTINCT severity FROM alerts"));
      assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9), severities);

      assertEquals(Set.of("urgent", "async", "retro"),
          Set.copyOf(strings(db, "SELECT DISTINCT sla_class FROM incidents")));
      assertEquals(Map.of("payments", "Platinum", "charlie", "Gold", "horns-and-hooves", "Gold",
          "drm-stat", "Silver", "intranet", "None"), serviceLevels(db));

      // charlie groups by kubernetes: the ingress and node-pressure triggers share one incident.
      int triggers = column(db, "SELECT COUNT(DISTINCT a.trigger) FROM incident_alerts ia"
          + " JOIN alerts a ON a.id = ia.alert_id JOIN incidents i ON i.id = ia.incident_id"
          + " WHERE i.project = 'charlie'").get(0);
      assertTrue(triggers >= 2, "charlie triggers " + triggers);

      // the disk alert flaps: two rounds on, two off, over eight rounds.
      int periods = column(db, "SELECT COUNT(*) FROM firing_periods p JOIN alerts a ON a.id = p.alert_id"
          + " WHERE a.trigger = 'DiskWillFillIn4h'").get(0);
      assertTrue(periods >= 2, "disk periods " + periods);

      // drm-stat reported with a 30 s refresh, then went silent: unknown, never ok.
      assertEquals("unknown", strings(db, "SELECT state FROM alerts WHERE project = 'drm-stat'").get(0));
      // ...while the gateway, refreshed every round, still fires.
      assertEquals("firing", strings(db, "SELECT state FROM alerts WHERE trigger = 'PaymentGatewayDown'").get(0));
    }
  }

  @Test
  void aRefusingReceiverIsReportedWithWhatItAnswered() throws Exception {
    server.close();
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("tokens.db")).withConfig(ConfigLoader.parse(
        "tokens:\n  - name: prometheus\n    role: ingest\n    secret: \"at-least-16-characters\"\n", "tokens.yml")));
    DemoStream demo = new DemoStream(URI.create(server.url()), "wrong-token-of-some-length", clock, 1);
    IOException e = assertThrows(IOException.class, demo::step);
    assertTrue(e.getMessage().contains("answered 401"), e.getMessage());
    assertEquals(0, demo.sent());
    DemoStream authorised = new DemoStream(URI.create(server.url()), "at-least-16-characters", clock, 1);
    authorised.step();
    assertTrue(authorised.sent() > 0);
  }

  @Test
  void anUnreachableReceiverIsReportedInWords() throws Exception {
    int port = server.port();
    server.close();
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("other.db")));
    DemoStream demo = new DemoStream(URI.create("http://127.0.0.1:" + port), null, clock, 1);
    IOException e = assertThrows(IOException.class, demo::step);
    assertTrue(e.getMessage().startsWith("cannot send demo alerts to http://127.0.0.1:" + port), e.getMessage());
  }

  private static java.util.List<Integer> column(Connection db, String sql) throws SQLException {
    java.util.List<Integer> values = new java.util.ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getInt(1));
      }
    }
    return values;
  }

  private static java.util.List<String> strings(Connection db, String sql) throws SQLException {
    java.util.List<String> values = new java.util.ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static Map<String, String> serviceLevels(Connection db) throws SQLException {
    Map<String, String> levels = new HashMap<>();
    try (ResultSet rs = db.createStatement().executeQuery("SELECT DISTINCT project, service_level FROM incidents")) {
      while (rs.next()) {
        levels.put(rs.getString(1), rs.getString(2));
      }
    }
    return levels;
  }
}
