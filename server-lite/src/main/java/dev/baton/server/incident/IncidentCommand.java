package dev.baton.server.incident;

import dev.baton.server.policy.Severity;

/**
 * A person's action on an incident (the relay baton), already validated at the API edge: every
 * required value is present and well-formed. Whether it may apply to the incident as it is now
 * is decided on the writer thread ({@link Refusal} when not).
 */
public sealed interface IncidentCommand {

  /** The name in paths and timelines: take, handover, snooze… */
  String name();

  /** The actor becomes the holder and assignee. */
  record Take() implements IncidentCommand {
    public String name() { return "take"; }
  }

  /** The baton goes to {@code to} ({@code @person} or {@code #team}), who must take it. */
  record Handover(String to, String comment) implements IncidentCommand {
    public String name() { return "handover"; }
  }

  /** @param until epoch ms, 0 with {@code forever} */
  record Snooze(long until, boolean forever, boolean closeIfOk, String comment) implements IncidentCommand {
    public String name() { return "snooze"; }
  }

  /** @param comment optional, null when none */
  record Unsnooze(String comment) implements IncidentCommand {
    public String name() { return "unsnooze"; }
  }

  /** @param comment optional, empty when none */
  record Close(String comment) implements IncidentCommand {
    public String name() { return "close"; }
  }

  /** Either description may be null: left as it is. */
  record Describe(String shortDescription, String longDescription) implements IncidentCommand {
    public String name() { return "describe"; }
  }

  record Comment(String text) implements IncidentCommand {
    public String name() { return "comment"; }
  }

  /** Sets the severity by hand; the SLA follows it. */
  record SetSeverity(Severity level, String comment) implements IncidentCommand {
    public String name() { return "severity"; }
  }
}
