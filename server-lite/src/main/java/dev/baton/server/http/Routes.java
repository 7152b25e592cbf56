package dev.baton.server.http;

import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.config.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The exact paths the receiver serves, with their methods and the role each requires (null: open to all). */
public final class Routes {

  /** One path. */
  public record Route(String path, Set<String> methods, Role role, HttpHandler handler) {

    public Route {
      methods = new TreeSet<>(methods);
      if (methods.contains("GET")) {
        methods.add("HEAD");
      }
      methods = Set.copyOf(methods);
    }

    String allow() {
      return String.join(", ", new TreeSet<>(methods));
    }
  }

  private final Map<String, Route> routes = new LinkedHashMap<>();

  public Routes add(String path, Set<String> methods, Role role, HttpHandler handler) {
    if (routes.putIfAbsent(path, new Route(path, methods, role, handler)) != null) {
      throw new IllegalArgumentException("two handlers for " + path);
    }
    return this;
  }

  Route find(String path) {
    return routes.get(path);
  }
}
