package dev.baton.console.incident;

import java.time.Instant;

/** How a snoozed incident is snoozed: until when (null when forever), by whom and why. */
public record Snooze(Instant until, boolean forever, boolean closeIfOk, String by, String comment) {

  public Snooze {
    if (!forever && until == null) {
      throw new IllegalArgumentException("a snooze is either forever or until a time");
    }
    comment = comment == null ? "" : comment;
    by = by == null ? "" : by;
  }
}
