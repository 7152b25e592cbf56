package dev.baton.server.http;

import com.sun.net.httpserver.HttpExchange;
import dev.baton.server.config.Role;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who made a request.
 *
 * @param name  the token's name, or the local user when authentication is off
 * @param role  what it may do
 * @param token true when identified by a bearer token
 */
public record Principal(String name, Role role, boolean token) {

  /**
   * Per exchange, not in the exchange's attributes: on JDK 17 those are the context's, shared by
   * every request in flight, so concurrent requests would see each other's principal.
   */
  private static final Map<HttpExchange, Principal> BY_EXCHANGE = new ConcurrentHashMap<>();

  /** Who made this request, as the authentication filter found out; null on routes open to all. */
  public static Principal of(HttpExchange exchange) {
    return BY_EXCHANGE.get(exchange);
  }

  static void attach(HttpExchange exchange, Principal principal) {
    BY_EXCHANGE.put(exchange, principal);
  }

  /** Forgets the exchange's principal once it is answered (the outermost filter). */
  static void detach(HttpExchange exchange) {
    BY_EXCHANGE.remove(exchange);
  }
}
