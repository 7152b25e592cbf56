package dev.baton.server.store;

import dev.baton.server.policy.SnoozeRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code snooze_rules} table on the writer's connection. */
final class SnoozeRuleTable {

  private final PreparedStatement insert;
  private final PreparedStatement end;
  private final PreparedStatement active;

  SnoozeRuleTable(Connection c) throws SQLException {
    insert = c.prepareStatement(
        "INSERT INTO snooze_rules (mql, until, comment, author, created_at) VALUES (?,?,?,?,?) RETURNING id");
    end = c.prepareStatement("UPDATE snooze_rules SET ended_at = ? WHERE id = ? AND ended_at IS NULL");
    active = c.prepareStatement("SELECT id, mql, until, comment, author, created_at FROM snooze_rules"
        + " WHERE ended_at IS NULL ORDER BY id");
  }

  long insert(String mql, long until, String comment, String author, long createdAt) throws SQLException {
    insert.setString(1, mql);
    insert.setLong(2, until);
    insert.setString(3, comment);
    insert.setString(4, author);
    insert.setLong(5, createdAt);
    try (ResultSet id = insert.executeQuery()) {
      id.next();
      return id.getLong(1);
    }
  }

  void end(long id, long at) throws SQLException {
    end.setLong(1, at);
    end.setLong(2, id);
    end.executeUpdate();
  }

  List<SnoozeRule> active() throws SQLException {
    List<SnoozeRule> rules = new ArrayList<>();
    try (ResultSet rs = active.executeQuery()) {
      while (rs.next()) {
        rules.add(new SnoozeRule(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getLong(6)));
      }
    }
    return rules;
  }
}
