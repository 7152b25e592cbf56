package dev.baton.console.incident;

/** Where an incident is in the relay-baton workflow. */
public enum WorkflowStatus {
  OPEN, TAKEN, SNOOZED, CLOSED;

  public boolean active() {
    return this == OPEN || this == TAKEN;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
