package dev.baton.server.http;

import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.config.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The paths the receiver serves (exact, or a prefix when registered with a trailing '/'), with their methods and the roles that may use each (none: open to all). */
public final class Routes {

  /**
   * One path; a token needs a role that allows one of {@code roles}; an empty set is open to all.
   * A {@code longLived} handler (an event stream) keeps its thread for the whole connection.
   */
  public record Route(String path, Set<String> methods, Set<Role> roles, HttpHandler handler, boolean longLived) {

    public Route(String path, Set<String> methods, Set<Role> roles, HttpHandler handler) {
      this(path, methods, roles, handler, false);
    }

    public Route {
      roles = Set.copyOf(roles);
      methods = new TreeSet<>(methods);
      if (methods.contains("GET")) {
        methods.add("HEAD");
      }
      methods = Set.copyOf(methods);
    }
  }

  private final Map<String, List<Route>> routes = new LinkedHashMap<>();

  public Routes add(String path, Set<String> methods, Role role, HttpHandler handler) {
    return addAllowing(path, methods, role == null ? Set.of() : Set.of(role), handler);
  }

  /** A path that tokens of any of {@code roles} may use (empty: open to all). */
  public Routes addAllowing(String path, Set<String> methods, Set<Role> roles, HttpHandler handler) {
    return add(new Route(path, methods, roles, handler));
  }

  /**
   * A GET whose answer lasts as long as the client stays (server-sent events): while it runs the
   * HTTP pool gets one more thread, so streams never take threads from other requests.
   */
  public Routes addStream(String path, Role role, HttpHandler handler) {
    return add(new Route(path, Set.of("GET"), role == null ? Set.of() : Set.of(role), handler, true));
  }

  private Routes add(Route route) {
    String path = route.path();
    List<Route> same = routes.computeIfAbsent(path, k -> new ArrayList<>());
    for (Route r : same) {
      if (!Collections.disjoint(r.methods(), route.methods())) {
        throw new IllegalArgumentException("two handlers for " + path);
      }
    }
    same.add(route); // one path may have routes with other methods and roles (GET to read, POST to ingest)
    return this;
  }

  /** Some route of the path, whatever the method. */
  Route find(String path) {
    List<Route> same = candidates(path);
    return same == null ? null : same.get(0);
  }

  /** The route serving {@code method} on the path; else another route of the path (405), or null (404). */
  Route find(String path, String method) {
    List<Route> same = candidates(path);
    if (same == null) {
      return null;
    }
    for (Route r : same) {
      if (r.methods().contains(method)) {
        return r;
      }
    }
    return same.get(0);
  }

  /** Every method the path accepts, for Allow. */
  String allow(String path) {
    TreeSet<String> methods = new TreeSet<>();
    List<Route> same = candidates(path);
    if (same != null) {
      same.forEach(r -> methods.addAll(r.methods()));
    }
    return String.join(", ", methods);
  }

  /** The exact path's routes, else those of the longest registered path ending in '/' that prefixes it. */
  private List<Route> candidates(String path) {
    List<Route> exact = routes.get(path);
    if (exact != null) {
      return exact;
    }
    String best = null;
    for (String prefix : routes.keySet()) {
      if (prefix.endsWith("/") && path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : routes.get(best);
  }
}
