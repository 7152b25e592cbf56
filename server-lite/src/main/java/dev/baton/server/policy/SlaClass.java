package dev.baton.server.policy;

/** How an incident is handled: now (urgent), in batches within a day (async), or only in retrospectives. */
public enum SlaClass {
  URGENT, ASYNC, RETRO;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
