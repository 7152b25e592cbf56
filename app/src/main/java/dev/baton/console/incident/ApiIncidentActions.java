package dev.baton.console.incident;

import dev.baton.client.BatonApiException;
import dev.baton.client.BatonClient;
import dev.baton.console.snooze.SnoozeRequest;
import java.io.IOException;

/**
 * The actions through {@link BatonClient} (which it does not own), each with the card's version as
 * If-Match; refusals are rephrased for the status line: a conflict names who holds the incident.
 */
public final class ApiIncidentActions implements IncidentActions {

  /** One call to the receiver that answers with the card. */
  @FunctionalInterface
  private interface Call {
    dev.baton.api.model.IncidentCard send() throws IOException;
  }

  private final BatonClient client;

  public ApiIncidentActions(BatonClient client) {
    this.client = client;
  }

  @Override
  public IncidentCard take(IncidentCard card) throws IOException {
    return run(card, () -> client.take(card.id(), card.version()));
  }

  @Override
  public IncidentCard handover(IncidentCard card, String to, String comment) throws IOException {
    return run(card, () -> client.handover(card.id(), to, comment, card.version()));
  }

  @Override
  public IncidentCard snooze(IncidentCard card, SnoozeRequest request) throws IOException {
    return run(card, () -> client.snooze(card.id(), request.toApi(), card.version()));
  }

  @Override
  public IncidentCard unsnooze(IncidentCard card, String comment) throws IOException {
    return run(card, () -> client.unsnooze(card.id(), blankToNull(comment), card.version()));
  }

  @Override
  public IncidentCard close(IncidentCard card, String comment) throws IOException {
    return run(card, () -> client.close(card.id(), blankToNull(comment), card.version()));
  }

  @Override
  public IncidentCard comment(IncidentCard card, String text) throws IOException {
    // A note does not depend on what the card looked like: no version check.
    return run(card, () -> client.comment(card.id(), text, null));
  }

  @Override
  public IncidentCard describe(IncidentCard card, String shortDescription, String longDescription)
      throws IOException {
    return run(card, () -> client.describe(card.id(), shortDescription, longDescription, card.version()));
  }

  @Override
  public IncidentCard severity(IncidentCard card, Severity level, String comment) throws IOException {
    return run(card, () -> client.severity(card.id(), level.label(), blankToNull(comment), card.version()));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static IncidentCard run(IncidentCard card, Call call) throws IOException {
    dev.baton.api.model.IncidentCard answer;
    try {
      answer = call.send();
    } catch (BatonApiException e) {
      throw new IOException(explain(card, e), e);
    }
    try {
      return ApiCardMapper.toCard(answer);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The refusal in words: who holds it after a conflict, which role is missing, else the receiver's message. */
  static String explain(IncidentCard card, BatonApiException e) {
    if (e.isConflict()) {
      String holder = e.holder() == null ? "" : " — " + e.holder() + " holds it now";
      return "#" + card.id() + " changed before your action arrived" + holder + " ("
          + e.getMessage() + "); nothing was done";
    }
    if (e.status() == 401 || e.status() == 403) {
      return "the receiver refused (" + e.status() + "): " + e.getMessage() + "; actions need a token with role operate";
    }
    return e.getMessage();
  }
}
