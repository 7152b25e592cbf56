package dev.baton.console.incident;

/**
 * The aggregated state of an incident's alerts: firing if any fires, else unknown, else pending,
 * else ok; {@link #NONE} for incidents made only of instant events.
 */
public enum AlertState {
  FIRING, UNKNOWN, PENDING, OK, NONE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
