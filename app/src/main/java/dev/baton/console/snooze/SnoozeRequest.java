package dev.baton.console.snooze;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the snooze dialog asks the receiver to do: snooze for a duration, until a time, or forever;
 * optionally close the incident when all its alerts are OK. {@link #body()} is the JSON body of
 * {@code POST /api/v1/incidents/{id}/snooze} (issue 4): {@code {"for": "30m"} | {"until": "…"} |
 * {"forever": true}}, plus {@code close_if_ok} and {@code comment}.
 */
public record SnoozeRequest(Duration duration, Instant until, boolean forever, boolean closeIfOk, String comment) {

  public SnoozeRequest {
    comment = comment == null ? "" : comment.strip();
    int kinds = (duration != null ? 1 : 0) + (until != null ? 1 : 0) + (forever ? 1 : 0);
    if (kinds != 1) {
      throw new IllegalArgumentException("a snooze is exactly one of: for a duration, until a time, forever");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("snooze duration must be positive, got " + duration);
    }
  }

  public static SnoozeRequest lasting(Duration duration, boolean closeIfOk, String comment) {
    return new SnoozeRequest(Objects.requireNonNull(duration), null, false, closeIfOk, comment);
  }

  public static SnoozeRequest until(Instant until, boolean closeIfOk, String comment) {
    return new SnoozeRequest(null, Objects.requireNonNull(until), false, closeIfOk, comment);
  }

  public static SnoozeRequest forever(boolean closeIfOk, String comment) {
    return new SnoozeRequest(null, null, true, closeIfOk, comment);
  }

  /** The request body, in field order, ready for a JSON writer. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (duration != null) {
      body.put("for", goDuration(duration));
    } else if (until != null) {
      body.put("until", until.toString());
    } else {
      body.put("forever", true);
    }
    body.put("close_if_ok", closeIfOk);
    body.put("comment", comment);
    return body;
  }

  /** As the client sends it. */
  public dev.baton.api.model.SnoozeRequest toApi() {
    return new dev.baton.api.model.SnoozeRequest(duration == null ? null : goDuration(duration), until,
        forever ? Boolean.TRUE : null, closeIfOk, comment.isEmpty() ? null : comment);
  }

  /** {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 45s}: the duration syntax the receiver reads. */
  static String goDuration(Duration d) {
    long seconds = d.getSeconds();
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || text.length() == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
