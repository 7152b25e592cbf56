package dev.baton.server.config;

/**
 * A bearer token.
 *
 * @param name   who uses it; the actor in the timeline and, for ingest, the source unless a source names it
 * @param role   what it may do
 * @param secret the token text a client sends as {@code Authorization: Bearer <secret>}
 */
public record TokenConfig(String name, Role role, String secret) {

  @Override
  public String toString() {
    return "TokenConfig[name=" + name + ", role=" + role + "]";
  }
}
