package dev.baton.api.model;

import java.util.List;

/**
 * Who the receiver takes the caller for ({@code GET /api/v1/whoami}): what the console needs for
 * "Mine" and "My team" when it acts through a token.
 *
 * @param name  the actor written on the timeline: the token's name, or the receiver's OS user
 *              when authentication is off
 * @param role  {@code ingest}, {@code read}, {@code operate} or {@code admin}
 * @param token whether a bearer token identified the caller
 * @param teams the configured teams whose members include {@code name}, by name (without {@code #})
 */
public record WhoAmI(String name, String role, boolean token, List<String> teams) {

  public WhoAmI {
    teams = List.copyOf(teams);
  }
}
