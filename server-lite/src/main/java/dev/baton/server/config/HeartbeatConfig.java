package dev.baton.server.config;

import dev.baton.server.policy.Severity;
import java.util.Set;

/**
 * Monitoring of monitoring: what counts as a source's heartbeat and how loud its silence is.
 *
 * @param alertnames alert names that are heartbeats of the source sending them (Prometheus's
 *                   always-firing {@code Watchdog}, older {@code DeadMansSwitch}): they refresh
 *                   the heartbeat and never become alerts or incidents of their own
 * @param severity   severity of a {@code no-data-for} incident when the source names none
 */
public record HeartbeatConfig(Set<String> alertnames, Severity severity) {

  /** Watchdog and DeadMansSwitch; S2, as the {@code critical} severity label maps by default: you are blind. */
  public static final HeartbeatConfig DEFAULT = new HeartbeatConfig(Set.of("Watchdog", "DeadMansSwitch"),
      Severity.of(2));

  public HeartbeatConfig {
    alertnames = Set.copyOf(alertnames);
  }
}
