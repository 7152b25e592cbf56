package dev.baton.server.pipeline;

import dev.baton.server.ingest.Event;
import java.util.List;

/**
 * One request to store: the raw body exactly as received and the events decoded from it.
 *
 * @param source      who sent it
 * @param endpoint    the protocol name it arrived through ({@code alertmanager-v2}, …)
 * @param client      the client's address
 * @param contentType as sent, or null
 * @param body        the raw body (after transfer decoding)
 * @param events      the valid events decoded from it
 * @param receivedAt  epoch milliseconds
 */
public record Submission(
    Source source, String endpoint, String client, String contentType, byte[] body, List<Event> events,
    long receivedAt) {

  public Submission {
    events = List.copyOf(events);
  }
}
