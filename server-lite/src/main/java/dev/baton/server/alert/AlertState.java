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

  /** Firing, pending or unknown: held in memory and counted against an incident's state. */
  public boolean active() {
    return this != OK;
  }

  public static AlertState fromWire(String text) {
    return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
  }
}
