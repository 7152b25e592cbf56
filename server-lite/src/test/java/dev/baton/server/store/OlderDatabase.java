package dev.baton.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Databases as an older receiver left them, for migration tests. */
final class OlderDatabase {

  private OlderDatabase() {}

  /** Creates {@code db} with the migrations up to {@code version} and runs {@code statements} on it, committed. */
  static void write(Path db, int version, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.setAutoCommit(false);
      Migrations.apply(c, db.toString(), version);
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      }
      c.commit();
    }
  }
}
