package dev.baton.server.ingest;

import java.util.List;

/**
 * What a decoder made of one request body: the valid events, and a problem for every part it
 * could not use. Valid events are stored even when others in the same batch are rejected.
 *
 * @param events       the valid events, in the order the sender gave them
 * @param problems     everything rejected, each located
 * @param bodyRejected true when nothing in the body can be stored: the body as a whole is unusable
 *                     (not JSON, wrong shape, over a limit) or it holds no valid event (an empty
 *                     batch, or every item rejected). The decoders set it exactly when
 *                     {@code events} is empty. Still answer with {@link IngestProtocol#reply}: an
 *                     empty batch is a 200 for Alertmanager's API.
 */
public record DecodeResult(List<Event> events, List<Problem> problems, boolean bodyRejected) {

  public DecodeResult {
    events = List.copyOf(events);
    problems = List.copyOf(problems);
  }

  /**
   * A located rejection.
   *
   * @param index   position of the item in the batch, or -1 for the body as a whole
   * @param field   the JSON path of the offending field inside that item ("labels", "endsAt"), or "" for none
   * @param message what is wrong and what would be right, for a person to act on
   */
  public record Problem(int index, String field, String message) {}
}
