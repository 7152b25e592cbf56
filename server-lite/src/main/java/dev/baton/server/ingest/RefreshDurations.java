package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refresh intervals as people write them: {@code "30s"}, {@code "5m"}, {@code "1h30m"},
 * {@code "1d"}, {@code "250ms"} (units ms, s, m, h, d, as in Prometheus durations), or a JSON
 * number of seconds. Bounded to 1 s .. 31 d: anything shorter is a hot loop, anything longer
 * is no refresh at all.
 */
final class RefreshDurations {

  static final Duration MIN = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofDays(31);

  private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,9}(?:ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  private RefreshDurations() {}

  /** @throws IllegalArgumentException with a message for a person */
  static Duration parse(JsonNode value) {
    Duration duration;
    if (value.isNumber()) {
      BigDecimal seconds = value.decimalValue();
      if (seconds.compareTo(BigDecimal.valueOf(MAX.getSeconds())) > 0 || seconds.signum() <= 0) {
        throw outOfRange(value.asText() + " seconds");
      }
      duration = Duration.ofMillis(seconds.movePointRight(3).longValue());
    } else if (value.isTextual()) {
      String text = value.textValue();
      if (text.length() > 32 || !WHOLE.matcher(text).matches()) {
        throw new IllegalArgumentException("must be a duration like \"30s\", \"5m\" or \"1h30m\" (units ms, s, m, h, d)"
            + " or a number of seconds, got " + ItemReader.quote(text));
      }
      duration = Duration.ZERO;
      Matcher part = PART.matcher(text);
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        duration = duration.plus(switch (part.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
      }
    } else {
      throw new IllegalArgumentException("must be a duration string like \"30s\" or a number of seconds, got "
          + ItemReader.describe(value));
    }
    if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
      throw outOfRange(value.isTextual() ? ItemReader.quote(value.textValue()) : value.asText() + " seconds");
    }
    return duration;
  }

  private static IllegalArgumentException outOfRange(String shown) {
    return new IllegalArgumentException("must be between 1s and 31d, got " + shown);
  }
}
