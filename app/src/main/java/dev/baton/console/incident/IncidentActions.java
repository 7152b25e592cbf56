package dev.baton.console.incident;

import dev.baton.console.snooze.SnoozeRequest;
import java.io.IOException;

/**
 * What an operator does to an incident: the console API's action endpoints. Each call sends the
 * card's version (If-Match), blocks until the receiver committed it (so it runs off the UI
 * thread) and returns the card as it is then; a failure is an {@link IOException} whose message a
 * person can act on (a conflict says who holds the incident now).
 */
public interface IncidentActions {

  IncidentCard take(IncidentCard card) throws IOException;

  /** To {@code @person} or {@code #team}; the comment is required. */
  IncidentCard handover(IncidentCard card, String to, String comment) throws IOException;

  IncidentCard snooze(IncidentCard card, SnoozeRequest request) throws IOException;

  IncidentCard unsnooze(IncidentCard card, String comment) throws IOException;

  IncidentCard close(IncidentCard card, String comment) throws IOException;

  /** A timestamped note in the incident's timeline. */
  IncidentCard comment(IncidentCard card, String text) throws IOException;

  /** The short (one line) and long (markdown) description; null leaves that one as it is. */
  IncidentCard describe(IncidentCard card, String shortDescription, String longDescription) throws IOException;

  /** {@code S1}..{@code S9} by hand, with why. */
  IncidentCard severity(IncidentCard card, Severity level, String comment) throws IOException;
}
