package dev.baton.server.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Reads what a receiver stored straight from its SQLite file through a read-only connection (the
 * receiver keeps writing meanwhile; WAL lets a reader see the last commit). The queries read
 * schema V1: {@code SELECT labels, state FROM alerts} (labels: the JSON object of the alert's
 * labels), {@code SELECT endpoint, body FROM messages} (endpoint: the protocol's short name) and
 * the ended firing periods ({@code firing_periods.ended_by}).
 */
final class BatonDb {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored alert: its labels and its state (firing, ok, unknown, pending; null for instant). */
  record StoredAlert(Map<String, String> labels, String state) {
    String alertname() {
      return labels.get("alertname");
    }
  }

  /** One stored request body and the protocol it came in by. */
  record StoredMessage(String endpoint, String body) {}

  private final Path file;

  BatonDb(Path file) {
    this.file = file;
  }

  List<StoredAlert> alerts() throws SQLException {
    List<StoredAlert> alerts = new ArrayList<>();
    try (Connection c = connect();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT labels, state FROM alerts")) {
      while (rs.next()) {
        alerts.add(new StoredAlert(parseLabels(rs.getString(1)), rs.getString(2)));
      }
    }
    return alerts;
  }

  /** The one alert whose alertname is {@code name}, if stored. */
  Optional<StoredAlert> alert(String name) throws SQLException {
    return alerts().stream().filter(a -> name.equals(a.alertname())).findFirst();
  }

  /** Why each ended firing period of the alert named {@code name} ended ({@code resolved}, {@code expired}, {@code source_silent}). */
  List<String> periodEnds(String name) throws SQLException {
    List<String> ends = new ArrayList<>();
    try (Connection c = connect();
         java.sql.PreparedStatement p = c.prepareStatement("SELECT p.ended_by FROM firing_periods p"
             + " JOIN alerts a ON a.id = p.alert_id WHERE a.trigger = ? ORDER BY p.id")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          ends.add(rs.getString(1));
        }
      }
    }
    return ends;
  }

  List<StoredMessage> messages() throws SQLException {
    List<StoredMessage> messages = new ArrayList<>();
    try (Connection c = connect();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT endpoint, body FROM messages ORDER BY id")) {
      while (rs.next()) {
        messages.add(new StoredMessage(rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)));
      }
    }
    return messages;
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5_000);
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  private static Map<String, String> parseLabels(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (Exception e) {
      throw new IllegalStateException("alerts.labels is not a JSON object of strings: " + json, e);
    }
  }
}
