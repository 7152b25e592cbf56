package dev.baton.server.incident;

import java.util.Locale;

/**
 * Workflow status. The receiver opens and (on request) closes incidents; taking and snoozing
 * belong to the console API built on it.
 */
public enum IncidentStatus {
  OPEN, TAKEN, SNOOZED, CLOSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IncidentStatus fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
