package dev.baton.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the ordered SQL scripts in {@code db/migration/} (listed in {@code index.txt}, named
 * {@code V<n>__<what>.sql}) that the {@code schema_version} table does not record yet, each in
 * its own transaction.
 */
final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String FOLDER = "/db/migration/";

  private Migrations() {}

  static void apply(Connection c, String dbName) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
          + " applied_at INTEGER NOT NULL)");
    }
    c.commit();
    int current = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      current = rs.getInt(1);
    }
    List<String> scripts = scripts();
    if (current > scripts.size()) {
      throw new StoreException(dbName + ": schema version " + current + " is newer than this receiver knows ("
          + scripts.size() + "); use a newer Baton");
    }
    for (int version = current + 1; version <= scripts.size(); version++) {
      String name = scripts.get(version - 1);
      if (!name.startsWith("V" + version + "__")) {
        throw new IllegalStateException("migration " + name + " is out of order; expected V" + version + "__");
      }
      try (Statement s = c.createStatement()) {
        for (String sql : statements(read(name))) {
          s.execute(sql);
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
        p.setInt(1, version);
        p.setString(2, name);
        p.setLong(3, System.currentTimeMillis());
        p.executeUpdate();
      }
      c.commit();
      LOG.info("{}: applied schema migration {}", dbName, name);
    }
  }

  private static List<String> scripts() {
    List<String> names = new ArrayList<>();
    for (String line : read("index.txt").split("\n")) {
      if (!line.isBlank()) {
        names.add(line.trim());
      }
    }
    return names;
  }

  /** Splits a script at semicolons ending a line; comments stay with their statement (SQLite ignores them). */
  private static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.trim().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.trim().endsWith(";")) {
        out.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString());
    }
    return out;
  }

  private static String read(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + FOLDER + name, e);
    }
  }
}
