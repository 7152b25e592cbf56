package dev.baton.server.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.sql.SqliteRegexp;
import dev.baton.server.store.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's plan for the incident list on the receiver's real schema: the urgency order is read
 * from the V3 index (no sort of every open incident), and label matches seek by alert. The
 * index's expression must stay equal to IncidentOrder.URGENCY's; this fails when they drift.
 */
class ListPlanTest {

  private static String plan(Path file, ListRequest request) throws Exception {
    IncidentQueries.ListStatement statement = IncidentQueries.listStatement(request);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      SqliteRegexp.register(c);
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
        statement.bind(ps, 51);
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString("detail")).append('\n');
          }
        }
        return plan.toString();
      }
    }
  }

  @Test
  void urgencyPagesWalkTheOpenIncidentIndexAndLabelsSeekByAlert(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("baton.db");
    SqliteStore.open(file, SqliteStore.Synchronous.NORMAL).close();
    String first = plan(file, ListRequest.parse("~team = storage", null, null, null, null, null));
    assertTrue(first.contains("incidents_open_urgency"), first);
    assertFalse(first.contains("TEMP B-TREE"), first);
    assertTrue(first.contains("alert_labels_alert"), first);
    String taken = plan(file, ListRequest.parse("severity <= S3", "open,taken", null, null, null, null));
    assertTrue(taken.contains("incidents_open_urgency"), taken);
  }

  @Test
  void cardAggregatesAreReadByIndexSeeksWhateverTheIncidentsSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("baton.db");
    SqliteStore.open(file, SqliteStore.Synchronous.NORMAL).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      String labels = explain(c, CardAggregates.labelsSql(3), 3);
      assertTrue(labels.contains("SEARCH c USING PRIMARY KEY (incident_id=? AND name>?)"), labels);
      assertTrue(labels.contains("SEARCH v USING PRIMARY KEY (incident_id=? AND name=? AND value=?)"), labels);
      assertFalse(labels.contains("SCAN incident_card_labels") || labels.contains("SCAN c") || labels.contains("SCAN v"),
          labels);
      String scan = explain(c, CardAggregates.labelScanSql(3), 3);
      assertTrue(scan.contains("SEARCH incident_card_labels USING PRIMARY KEY (incident_id=?)"), scan);
      assertFalse(scan.contains("TEMP B-TREE"), scan);
      String triggers = explain(c, CardAggregates.triggersSql(3), 3);
      assertTrue(triggers.contains("incident_id=?"), triggers);
      String periods = explain(c, CardAggregates.periodsInProgressSql(3), 3);
      assertTrue(periods.contains("alerts_incident_period"), periods);
      assertFalse(periods.contains("SCAN a"), periods);
    }
  }

  /** The plan of {@code sql} with {@code ids} incident ids bound. */
  private static String explain(Connection c, String sql, int ids) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 1; i <= ids; i++) {
        ps.setLong(i, i);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString("detail")).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
