package dev.baton.server.config;

/**
 * A sender of alerts, recognised by the token it uses.
 *
 * @param name           the source name stored on every message it sends
 * @param token          name of the token it authenticates with
 * @param defaultProject project for its alerts that carry no {@code project} label, or null
 */
public record SourceConfig(String name, String token, String defaultProject) {}
