package dev.baton.server.ingest;

import java.time.Instant;

/**
 * One wire format that senders use to deliver alerts, served at one path. The HTTP layer checks
 * method, size and content type, stores the raw body with the decoded events, waits for the
 * commit, and only then answers with {@link #reply}.
 */
public interface IngestProtocol {

  /** The request path, e.g. {@code /api/v2/alerts}. */
  String path();

  /** Short stable name for metrics and source attribution, e.g. {@code alertmanager-v2}. */
  String name();

  /** Decodes a body. Never throws: every failure becomes a located problem. */
  DecodeResult decode(byte[] body, Instant receivedAt);

  /** The answer the sender expects once the valid events of {@code result} are committed. */
  Reply reply(DecodeResult result);

  /** An HTTP answer: status, content type (null for no body) and body bytes. */
  record Reply(int status, String contentType, byte[] body) {}
}
