package dev.baton.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/incidents/{id}/snooze}: exactly one of {@code for},
 * {@code until} and {@code forever}.
 *
 * @param forDuration how long, like {@code 30m}, {@code 1h}, {@code 1d} (JSON {@code for})
 * @param until       when it wakes by itself (JSON {@code until}, RFC 3339)
 * @param forever     no end: it wakes only when it gets worse; needs a comment
 * @param closeIfOk   close the incident once all its alerts are ok (JSON {@code close_if_ok})
 * @param comment     why; required with forever
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnoozeRequest(
    @JsonProperty("for") String forDuration,
    @JsonProperty("until") Instant until,
    @JsonProperty("forever") Boolean forever,
    @JsonProperty("close_if_ok") Boolean closeIfOk,
    @JsonProperty("comment") String comment) {

  /** For a while; sent in whole hours, minutes or seconds ({@code 2h}, {@code 30m}, {@code 90s}). */
  public static SnoozeRequest lasting(Duration d) {
    long s = d.getSeconds();
    String text = s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    return new SnoozeRequest(text, null, null, null, null);
  }

  public static SnoozeRequest until(Instant wake) {
    return new SnoozeRequest(null, wake, null, null, null);
  }

  /** Until it gets worse; the receiver requires a comment for it. */
  public static SnoozeRequest forever(String comment) {
    return new SnoozeRequest(null, null, true, null, comment);
  }

  public SnoozeRequest closingIfOk() {
    return new SnoozeRequest(forDuration, until, forever, true, comment);
  }

  public SnoozeRequest withComment(String text) {
    return new SnoozeRequest(forDuration, until, forever, closeIfOk, text);
  }
}
