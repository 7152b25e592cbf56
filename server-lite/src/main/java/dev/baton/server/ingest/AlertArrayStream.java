package dev.baton.server.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fast path for a body of Alertmanager alerts that are all valid, as Prometheus sends them:
 * decoded straight from Jackson's token stream, with no tree. It gives up (null) at the first thing
 * that is not plainly valid — a JSON null, a value of another type, a name or value over its limit,
 * a bad time, a malformed body — and the caller then decodes the body with the tree path, which
 * locates every problem. So answers and messages are the tree path's, and a valid body gives the
 * same events either way.
 */
final class AlertArrayStream {

  private final IngestLimits limits;

  AlertArrayStream(IngestLimits limits) {
    this.limits = limits;
  }

  /** The events of a body in which every alert is valid, or null when the tree path must decide. */
  DecodeResult tryDecode(JsonParser parser, Instant receivedAt) {
    try (parser) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<Event> events = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT || events.size() >= limits.maxAlertsPerRequest()) {
          return null;
        }
        Event event = alert(parser, receivedAt);
        if (event == null) {
          return null;
        }
        events.add(event);
      }
      if (parser.nextToken() != null) {
        return null;
      }
      return new DecodeResult(events, new ArrayList<>(), events.isEmpty());
    } catch (JacksonException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** One alert object, the parser on its START_OBJECT; null when it is not plainly valid. */
  private Event alert(JsonParser parser, Instant receivedAt) throws IOException {
    Map<String, String> labels = null;
    Map<String, String> annotations = null;
    Instant startsAt = null;
    Instant endsAt = null;
    String url = null;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      switch (field) {
        case "labels" -> {
          labels = stringMap(parser, value, true, limits.maxLabelValueLength(), limits.maxLabelsPerAlert());
          if (labels == null) {
            return null;
          }
        }
        case "annotations" -> {
          annotations = stringMap(parser, value, false, limits.maxAnnotationValueLength(), Integer.MAX_VALUE);
          if (annotations == null) {
            return null;
          }
        }
        case "startsAt", "endsAt" -> {
          if (value != JsonToken.VALUE_STRING) {
            return null;
          }
          String text = parser.getText();
          Instant time = null;
          if (!text.isEmpty()) {
            if (text.length() > 64 || !ItemReader.wellFormed(text)) {
              return null;
            }
            try {
              time = Timestamps.parse(text);
            } catch (IllegalArgumentException e) {
              return null;
            }
          }
          if (field.equals("startsAt")) {
            startsAt = time;
          } else {
            endsAt = time;
          }
        }
        case "generatorURL" -> {
          if (value != JsonToken.VALUE_STRING) {
            return null;
          }
          String text = parser.getText();
          if (text.length() > limits.maxAnnotationValueLength() || !ItemReader.wellFormed(text)) {
            return null;
          }
          url = text.isEmpty() ? null : text;
        }
        default -> parser.skipChildren(); // unknown fields are ignored, as Alertmanager ignores them
      }
    }
    if (labels == null || labels.isEmpty() || (startsAt != null && endsAt != null && endsAt.isBefore(startsAt))) {
      return null;
    }
    Status status = endsAt != null && !endsAt.isAfter(receivedAt) ? Status.RESOLVED : Status.FIRING;
    return new Event(labels, annotations == null ? Map.of() : annotations, Kind.LASTING, status, startsAt, endsAt,
        null, null, url);
  }

  /** An object of valid names to string values; empty values dropped when {@code dropEmpty}; null when not plainly valid. */
  private Map<String, String> stringMap(JsonParser parser, JsonToken start, boolean dropEmpty, int maxValue,
      int maxEntries) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      return null;
    }
    Map<String, String> result = new TreeMap<>();
    int entries = 0;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      if (++entries > maxEntries || name.length() > limits.maxLabelNameLength() || !ItemReader.isPlainName(name)
          || parser.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String text = parser.getText();
      if (text.length() > maxValue || !ItemReader.wellFormed(text)) {
        return null;
      }
      if (!(dropEmpty && text.isEmpty())) {
        result.put(name, text);
      }
    }
    return result;
  }
}
