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
  void cardAggregatesAreReadByIndexWhateverTheIncidentsSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("baton.db");
    SqliteStore.open(file, SqliteStore.Synchronous.NORMAL).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      String labels = explain(c, IncidentQueries.CARD_LABEL_VALUES);
      assertTrue(labels.contains("SEARCH incident_card_labels USING PRIMARY KEY (incident_id=? AND name=?)"), labels);
      assertFalse(labels.contains("TEMP B-TREE"), labels);
      String periods = explain(c, IncidentQueries.CARD_PERIODS_IN_PROGRESS);
      assertTrue(periods.contains("alerts_incident_period"), periods);
      assertFalse(periods.contains("SCAN alerts"), periods);
    }
  }

  private static String explain(Connection c, String sql) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        plan.append(rs.getString("detail")).append('\n');
      }
    }
    return plan.toString();
  }
}
