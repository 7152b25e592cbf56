package dev.baton.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes reply bodies: plain maps, lists, strings and numbers as compact JSON. */
final class ReplyJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReplyJson() {}

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // Only maps, lists, strings and numbers are written; they always serialize.
      throw new IllegalStateException("reply not serializable", e);
    }
  }

  /** An ordered JSON object from alternating names and values. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }
}
