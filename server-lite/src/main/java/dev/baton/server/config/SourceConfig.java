package dev.baton.server.config;

import dev.baton.server.policy.Severity;
import java.time.Duration;

/**
 * A sender of alerts, recognised by the token it uses, or only by name when it just sends
 * heartbeat calls.
 *
 * @param name              the source name stored on every message it sends
 * @param token             name of the token it authenticates with, or null: it is known only by
 *                          name ({@code POST /api/v1/heartbeat/{name}} from a cron job)
 * @param defaultProject    project for its alerts that carry no {@code project} label, or null
 * @param heartbeat         the longest silence between two heartbeats (its Watchdog alert, or
 *                          heartbeat calls) before it counts as missing; null: not watched
 * @param heartbeatSeverity severity of its {@code no-data-for} incident, or null for
 *                          {@link HeartbeatConfig#severity()}
 */
public record SourceConfig(String name, String token, String defaultProject, Duration heartbeat,
    Severity heartbeatSeverity) {}
