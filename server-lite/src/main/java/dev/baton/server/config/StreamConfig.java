package dev.baton.server.config;

import java.time.Duration;

/**
 * The event stream ({@code GET /api/v1/stream}) and the change log behind it.
 *
 * @param keepalive    how often an idle stream gets a comment line, so proxies keep it open
 * @param clientQueue  events waiting for one slow client; beyond it the client is told to reload and disconnected
 * @param maxClients   streams open at once; more are answered 503
 * @param stallTimeout how long one write to a client may block before its connection is cut
 * @param retainEvents newest change-log rows kept for clients that reconnect
 * @param retainFor    oldest change-log row kept
 */
public record StreamConfig(Duration keepalive, int clientQueue, int maxClients, Duration stallTimeout,
    long retainEvents, Duration retainFor) {

  public static final StreamConfig DEFAULT = new StreamConfig(Duration.ofSeconds(15), 10_000, 256,
      Duration.ofSeconds(30), 1_000_000, Duration.ofDays(7));
}
