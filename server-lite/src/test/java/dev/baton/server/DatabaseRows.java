package dev.baton.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a receiver's SQLite file on its own connection, so tests check what was really committed. */
public final class DatabaseRows {

  private DatabaseRows() {
  }

  public static List<List<Object>> query(Path database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
