package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a JSON array of items into events, one {@link ItemDecoder} call per item: valid items
 * become events, invalid ones located problems. {@code bodyRejected} is set exactly when no event
 * results, so the HTTP layer stores nothing for a body that holds nothing usable.
 */
final class Batch {

  /** Decodes one JSON object of a batch; returns null when it recorded a problem on {@code item}. */
  @FunctionalInterface
  interface ItemDecoder {
    Event decode(ItemReader item);
  }

  private Batch() {}

  /** A result rejecting the whole body with one message. */
  static DecodeResult rejected(String field, String message) {
    return new DecodeResult(List.of(), List.of(new Problem(-1, field, message)), true);
  }

  /**
   * Decodes every element of {@code items}; {@code noun} names them in messages ("alert").
   * Items that are not objects are located problems; more items than the limit reject the body.
   */
  static DecodeResult decode(JsonNode items, String field, String noun, IngestLimits limits, ItemDecoder decoder) {
    if (items.size() > limits.maxAlertsPerRequest()) {
      return rejected(field, "holds " + items.size() + " " + noun + "s; at most " + limits.maxAlertsPerRequest()
          + " are accepted per request, send them in smaller batches");
    }
    List<Event> events = new ArrayList<>(items.size());
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        problems.add(new Problem(i, "", "each " + noun + " must be a JSON object, got " + ItemReader.describe(item)));
        continue;
      }
      ItemReader reader = new ItemReader(item, i, limits, problems);
      Event event = decoder.decode(reader);
      if (event != null && !reader.failed()) {
        events.add(event);
      }
    }
    return new DecodeResult(events, problems, events.isEmpty());
  }
}
