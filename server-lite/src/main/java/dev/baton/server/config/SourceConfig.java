package dev.baton.server.config;

import java.time.Duration;

/**
 * A sender of alerts, recognised by the token it uses.
 *
 * @param name           the source name stored on every message it sends
 * @param token          name of the token it authenticates with
 * @param defaultProject project for its alerts that carry no {@code project} label, or null
 * @param heartbeat      how often it proves it is alive (its Watchdog alert, or heartbeat calls); null: not watched
 */
public record SourceConfig(String name, String token, String defaultProject, Duration heartbeat) {}
