package dev.baton.server.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.server.config.Role;
import dev.baton.server.config.TokenConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bearer-token authentication with roles. With no tokens configured every request acts as the
 * local user with all roles (the receiver then refuses non-loopback addresses unless --insecure).
 * Secrets are compared in constant time over their SHA-256 digests, checking every token.
 */
final class AuthFilter extends Filter {

  private final Routes routes;
  private final Supplier<List<TokenConfig>> configured;
  private final Principal local;
  /** The tokens with their digests, computed again only when a reloaded configuration changes the list. */
  private volatile Tokens tokens;

  /** {@code configured} is read per request, so a reloaded configuration's tokens apply at once. */
  AuthFilter(Routes routes, Supplier<List<TokenConfig>> configured) {
    this.routes = routes;
    this.configured = configured;
    this.tokens = new Tokens(configured.get());
    this.local = new Principal(System.getProperty("user.name", "local"), Role.ADMIN, false);
  }

  private record Tokens(List<TokenConfig> list, byte[][] digests) {
    Tokens(List<TokenConfig> list) {
      this(list, list.stream().map(t -> sha256(t.secret())).toArray(byte[][]::new));
    }
  }

  private Tokens tokens() {
    List<TokenConfig> now = configured.get();
    Tokens t = tokens;
    if (t.list() != now) {
      t = new Tokens(now);
      tokens = t;
    }
    return t;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Routes.Route route = routes.find(exchange.getRequestURI().getPath(), exchange.getRequestMethod());
    Tokens tokens = tokens();
    if (tokens.list().isEmpty()) {
      Principal.attach(exchange, local);
    } else if (route != null && !route.roles().isEmpty()) {
      Principal p = authenticate(tokens, exchange.getRequestHeaders().getFirst("Authorization"));
      if (p == null) {
        throw new HttpError(401, "a valid bearer token is required (Authorization: Bearer <token>)",
            Map.of("WWW-Authenticate", "Bearer realm=\"baton\""));
      }
      if (route.roles().stream().noneMatch(p.role()::allows)) {
        throw new HttpError(403, "token '" + p.name() + "' has role " + p.role().wire() + "; "
            + route.path() + " needs " + route.roles().stream().map(Role::wire).sorted()
            .collect(java.util.stream.Collectors.joining(" or ")));
      }
      Principal.attach(exchange, p);
    }
    chain.doFilter(exchange);
  }

  private static Principal authenticate(Tokens tokens, String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    byte[] presented = sha256(header.substring(7).trim());
    TokenConfig match = null;
    for (int i = 0; i < tokens.digests().length; i++) {
      if (MessageDigest.isEqual(tokens.digests()[i], presented)) {
        match = tokens.list().get(i);
      }
    }
    return match == null ? null : new Principal(match.name(), match.role(), true);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String description() {
    return "bearer token authentication";
  }
}
