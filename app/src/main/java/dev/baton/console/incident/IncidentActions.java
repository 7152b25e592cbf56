package dev.baton.console.incident;

import dev.baton.console.snooze.SnoozeRequest;
import java.io.IOException;

/**
 * What an operator does to an incident, as the console API's action endpoints (issue 4) will take
 * it. Calls block (they run off the UI thread) and throw with a message a person can act on.
 */
public interface IncidentActions {

  /** {@code POST /api/v1/incidents/{id}/snooze} with {@link SnoozeRequest#body()} and {@code If-Match: version}. */
  void snooze(IncidentCard card, SnoozeRequest request) throws IOException;

  /** A receiver without the console API: every action explains why it cannot be done. */
  IncidentActions UNAVAILABLE = (card, request) -> {
    throw new IOException("this receiver has no console API yet, so incident " + card.id()
        + " cannot be snoozed from the console");
  };
}
