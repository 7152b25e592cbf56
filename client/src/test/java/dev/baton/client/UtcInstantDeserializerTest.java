package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receiver's times read by position give what Instant.parse gives; other forms fall back to Jackson's reading. */
class UtcInstantDeserializerTest {

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addDeserializer(Instant.class, new UtcInstantDeserializer()));

  @Test
  void readsWhatTheReceiverWritesAsInstantParseDoes() throws Exception {
    // every form the receiver writes is compared with Instant.parse in api-model's Rfc3339TimesTest
    for (String text : new String[] {"2026-11-21T22:20:57Z", "2026-11-21T22:20:57.5Z", "2026-11-21T22:20:57.581Z",
        "2024-02-29T23:59:59.123456789Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9Z"}) {
      assertEquals(Instant.parse(text), json.readValue("\"" + text + "\"", Instant.class), text);
    }
  }

  @Test
  void otherFormsAreReadOrRefusedByJackson() throws Exception {
    assertEquals(Instant.parse("2026-11-21T22:20:57Z"), json.readValue("\"2026-11-21T23:20:57+01:00\"", Instant.class));
    assertEquals(Instant.ofEpochMilli(1_795_299_957_581L), json.readValue("1795299957.581", Instant.class));
    assertThrows(InvalidFormatException.class, () -> json.readValue("\"2026-02-30T00:00:00Z\"", Instant.class));
    assertNull(json.readValue("null", Instant.class));
  }
}
