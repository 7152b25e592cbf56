package dev.baton.server.config;

import dev.baton.server.ingest.IngestLimits;
import java.time.Duration;

/**
 * Bounds that keep the receiver responsive under load.
 *
 * @param maxBodyBytes   largest request body accepted (after gzip decoding); larger gets 413
 * @param queueCapacity  requests waiting for the writer; beyond it senders get 503 + Retry-After
 * @param maxBatch       most requests the writer commits in one transaction
 * @param commitTimeout  how long a request waits for its commit before it is answered 503
 * @param httpThreads    threads serving HTTP requests (each waits for its commit)
 * @param ingest         what one request may carry (labels per alert, lengths, alerts per request)
 */
public record Limits(long maxBodyBytes, int queueCapacity, int maxBatch, Duration commitTimeout, int httpThreads,
    IngestLimits ingest) {

  public static final Limits DEFAULT =
      new Limits(8L * 1024 * 1024, 10_000, 1_000, Duration.ofSeconds(10), 64, IngestLimits.defaults());
}
