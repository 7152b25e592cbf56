package dev.baton.console.incident;

/** One change pushed by an {@link IncidentSource}: what the console API's stream will carry. */
public sealed interface IncidentChange {

  /** A new incident, or a new version of one the console holds. */
  record Upserted(IncidentCard card) implements IncidentChange {
  }

  /** The incident no longer belongs to what the console lists. */
  record Removed(long id) implements IncidentChange {
  }

  /** The receiver stopped answering; the source keeps trying with backoff. {@code reason} is for people. */
  record Disconnected(String reason) implements IncidentChange {
  }

  /** The receiver answers again; the changes missed meanwhile follow. */
  record Reconnected() implements IncidentChange {
  }

  /** The source lost track (too far behind, reconnect without history): load everything again. */
  record Reload() implements IncidentChange {
  }
}
