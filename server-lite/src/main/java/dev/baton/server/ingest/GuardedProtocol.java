package dev.baton.server.ingest;

import dev.baton.server.ingest.DecodeResult.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the promise that decoding never throws, even if a decoder has a bug: the failure is logged
 * with its stack trace here and the sender gets a 500 (our fault, so it retries) without one.
 * Tests check that this path is never taken.
 */
final class GuardedProtocol implements IngestProtocol {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedProtocol.class);
  static final String INTERNAL_ERROR = "internal error while decoding this body; nothing was stored, retry later";

  private final IngestProtocol delegate;

  GuardedProtocol(IngestProtocol delegate) {
    this.delegate = delegate;
  }

  @Override
  public String path() {
    return delegate.path();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public DecodeResult decode(byte[] body, Instant receivedAt) {
    try {
      return delegate.decode(body, receivedAt);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("decoder {} failed on a {}-byte body", delegate.name(), body == null ? 0 : body.length, e);
      return new DecodeResult(List.of(), List.of(new Problem(-1, "", INTERNAL_ERROR)), true);
    }
  }

  @Override
  public Reply reply(DecodeResult result) {
    if (isInternalError(result)) {
      return internalError();
    }
    try {
      return delegate.reply(result);
    } catch (RuntimeException e) {
      LOG.error("protocol {} failed to build its reply", delegate.name(), e);
      return internalError();
    }
  }

  static boolean isInternalError(DecodeResult result) {
    return result.bodyRejected()
        && result.problems().size() == 1
        && result.problems().get(0).index() == -1
        && INTERNAL_ERROR.equals(result.problems().get(0).message());
  }

  private static Reply internalError() {
    return new Reply(500, "application/json",
        ("{\"error\":\"" + INTERNAL_ERROR + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
