package dev.baton.server.pipeline;

/**
 * Who sent a message.
 *
 * @param name           stored on the message; the token's source name, or client address + endpoint
 * @param defaultProject project for alerts without a {@code project} label
 */
public record Source(String name, String defaultProject) {}
