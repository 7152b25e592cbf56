package dev.baton.server.http;

import dev.baton.server.config.Role;

/**
 * Who made a request.
 *
 * @param name  the token's name, or the local user when authentication is off
 * @param role  what it may do
 * @param token true when identified by a bearer token
 */
public record Principal(String name, Role role, boolean token) {

  static final String ATTRIBUTE = "baton.principal";
}
