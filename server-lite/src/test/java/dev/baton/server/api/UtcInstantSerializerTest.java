package dev.baton.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The API's times are written exactly as Jackson's own serializer (ISO_INSTANT) writes them. */
class UtcInstantSerializerTest {

  private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void everyTimeIsWrittenAsBefore() throws Exception {
    Random random = new Random(7);
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      long seconds = random.nextLong() % 400_000_000_000L; // years about -10700..14600: both paths
      int nanos = switch (i % 5) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        case 3 -> random.nextInt(10) * 100_000_000;
        default -> random.nextInt(1_000_000_000);
      };
      times.add(Instant.ofEpochSecond(seconds, nanos));
    }
    times.addAll(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("2026-11-21T22:20:57.581Z"), Instant.parse("2024-02-29T00:00:00.000001Z"), Instant.MIN, Instant.MAX));
    for (Instant t : times) {
      assertEquals(JACKSON.writeValueAsString(t), ApiJson.MAPPER.writeValueAsString(t), t.toString());
    }
    Map<String, Object> card = Map.of("opened", times.get(1), "none", List.of());
    assertEquals(JACKSON.writeValueAsString(card), ApiJson.MAPPER.writeValueAsString(card));
  }
}
