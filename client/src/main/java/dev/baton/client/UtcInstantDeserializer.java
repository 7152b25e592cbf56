package dev.baton.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import dev.baton.api.time.Rfc3339Times;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the receiver's times — UTC with 0 to 9 fraction digits, {@code 2026-11-21T22:20:57.581Z}
 * (ISO_INSTANT) — by their fixed positions ({@link Rfc3339Times}); anything else goes to Jackson's
 * own deserializer.
 * A list of 10,000 cards holds ~50,000 of them, and the general ISO-8601 path (DateTimeFormatter)
 * was most of the console's decoding on a cold start.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

  UtcInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      Instant fast = Rfc3339Times.parse(p.getText());
      if (fast != null) {
        return fast;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(p, ctxt);
  }
}
