package dev.baton.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
      "2026-11-21T13:11:30Z,                2026-11-21T13:11:30Z",
      "2026-11-21T13:11:30.506Z,            2026-11-21T13:11:30.506Z",
      "2026-11-21T13:11:12.378598273Z,      2026-11-21T13:11:12.378598273Z",
      "2021-10-12T09:51:03.157076+02:00,    2021-10-12T07:51:03.157076Z",
      "2026-11-21T13:11:30-05:30,           2026-11-21T18:41:30Z",
      "2015-07-17T08:42:58.315+0000,        2015-07-17T08:42:58.315Z",
      "2026-11-21t13:11:30z,                2026-11-21T13:11:30Z",
      "2024-02-29T00:00:00Z,                2024-02-29T00:00:00Z",
      "0001-01-01T00:00:00+01:00,           0000-12-31T23:00:00Z",
  })
  void parsesWhatSendersWrite(String text, String expected) {
    assertEquals(Instant.parse(expected), Timestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z", "0001-01-01T00:00:00.000000000Z",
      "0001-01-01T00:00:00+00:00"})
  void goZeroTimeIsUnset(String text) {
    assertNull(Timestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T13:11:30.Z",
      "2026-11-21T13:11:30.1234567890Z", "2026-11-21T13:11:30+19:00", "2026-11-21T13:11:30", "2026-11-21",
      "0000-01-01T00:00:00Z", "2026-11-21T13:11:30 Z", "２０２６-11-21T13:11:30Z", ""})
  void rejectsWhatIsNotATime(String text) {
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(text));
  }
}
