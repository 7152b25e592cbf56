package dev.baton.console.incident;

/** How an incident must be handled: against a live deadline, in a daily batch, or only in retrospectives. */
public enum SlaClass {
  URGENT, ASYNC, RETRO;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
