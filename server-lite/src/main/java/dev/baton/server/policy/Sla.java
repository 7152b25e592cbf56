package dev.baton.server.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * The response an incident requires.
 *
 * @param slaClass     urgent, async or retro
 * @param responseTime time allowed to take the incident; null for retro (no deadline)
 */
public record Sla(SlaClass slaClass, Duration responseTime) {

  /** The deadline for an incident opened at {@code openedAt}, or null when there is none. */
  public Instant deadline(Instant openedAt) {
    return responseTime == null ? null : openedAt.plus(responseTime);
  }
}
