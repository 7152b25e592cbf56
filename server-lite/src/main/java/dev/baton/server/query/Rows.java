package dev.baton.server.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading the store's column encodings: epoch-ms times, severity ranks, JSON text. */
final class Rows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

  private Rows() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static String severity(int rank) {
    return "S" + rank;
  }

  static List<String> strings(String json) {
    return read(json, STRINGS, List.of());
  }

  static Map<String, String> stringMap(String json) {
    return read(json, STRING_MAP, new TreeMap<>());
  }

  static Map<String, Object> objectMap(String json) {
    return read(json, OBJECT_MAP, Map.of());
  }

  private static <T> T read(String json, TypeReference<T> type, T empty) {
    if (json == null || json.isEmpty()) {
      return empty;
    }
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("the store holds malformed JSON: " + e.getMessage(), e);
    }
  }
}
