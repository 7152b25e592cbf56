package dev.baton.server.alert;

import java.util.Locale;

/**
 * The condition of a lasting alert. Instant alerts have no state. {@code UNKNOWN} means the
 * refreshes stopped without an explicit resolve: silence is not health.
 */
public enum AlertState {
  FIRING, OK, UNKNOWN, PENDING;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AlertState fromWire(String text) {
    return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
  }
}
