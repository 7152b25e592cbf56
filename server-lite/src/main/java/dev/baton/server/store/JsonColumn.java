package dev.baton.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The JSON text of an object kept in a column: an alert's labels and annotations, a timeline
 * entry's detail. The writer makes several per new alert, so strings, numbers, booleans and nulls
 * go straight to Jackson's generator instead of through ObjectMapper's serializer lookup for each
 * value; anything else (a list) is written by ObjectMapper. The text is the same either way.
 */
public final class JsonColumn {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonColumn() {
  }

  /** The object with these fields, in the map's order. */
  public static String object(Map<String, ?> fields) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, ?> f : fields.entrySet()) {
        g.writeFieldName(f.getKey());
        Object v = f.getValue();
        if (v == null) {
          g.writeNull();
        } else if (v instanceof String s) {
          g.writeString(s);
        } else if (v instanceof Long n) {
          g.writeNumber(n);
        } else if (v instanceof Integer n) {
          g.writeNumber(n);
        } else if (v instanceof Boolean b) {
          g.writeBoolean(b);
        } else {
          g.writeObject(v);
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("a map of plain values always serialises", e);
    }
    return out.toString();
  }
}
