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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL scripts in {@code db/migration/} (listed in {@code index.txt} in ascending order,
 * named {@code V<n>__<what>.sql}) whose version the {@code schema_version} table does not record
 * yet, each in its own transaction. Versions are recorded one by one rather than as a maximum, so
 * a script numbered below one that is already applied (written on another branch and merged
 * later) is still applied.
 */
final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String FOLDER = "/db/migration/";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");
  private static final Pattern TRIGGER = Pattern.compile("\\s*CREATE\\s+TRIGGER\\b", Pattern.CASE_INSENSITIVE);

  private Migrations() {}

  static void apply(Connection c, String dbName) throws SQLException {
    apply(c, dbName, Integer.MAX_VALUE);
  }

  /** Applies the migrations up to version {@code target} (tests build older databases with it). */
  static void apply(Connection c, String dbName, int target) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
          + " applied_at INTEGER NOT NULL)");
    }
    c.commit();
    Set<Integer> applied = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
      while (rs.next()) {
        applied.add(rs.getInt(1));
      }
    }
    Map<Integer, String> scripts = scripts();
    for (int version : applied) {
      if (!scripts.containsKey(version)) {
        throw new StoreException(dbName + ": schema version " + version + " is unknown to this receiver (it knows "
            + scripts.keySet() + "); use a newer Baton");
      }
    }
    for (Map.Entry<Integer, String> script : scripts.entrySet()) {
      int version = script.getKey();
      String name = script.getValue();
      if (applied.contains(version) || version > target) {
        continue;
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

  /** Version to script name, ascending; index.txt must list them in that order. */
  private static Map<Integer, String> scripts() {
    Map<Integer, String> names = new LinkedHashMap<>();
    int previous = 0;
    for (String line : read("index.txt").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String name = line.trim();
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException("migration " + name + " is not named V<n>__<what>.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (version <= previous) {
        throw new IllegalStateException("migration " + name + " is out of order in index.txt (after V" + previous + ")");
      }
      previous = version;
      names.put(version, name);
    }
    return names;
  }

  /**
   * Splits a script at semicolons ending a line, except inside a {@code CREATE TRIGGER}, which ends
   * at its {@code END;} line; comment lines are dropped.
   */
  private static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      boolean trigger = TRIGGER.matcher(current).lookingAt();
      if (trigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";")) {
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
