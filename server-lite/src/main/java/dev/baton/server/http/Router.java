package dev.baton.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * Dispatches on the exact path (the access-log filter closes the exchange): 404 for unknown paths,
 * 405 with Allow for a wrong method. Long-lived routes (event streams) borrow a thread from the pool
 * for as long as they run.
 */
final class Router implements HttpHandler {

  private final Routes routes;
  private final HandlerPool pool;

  Router(Routes routes, HandlerPool pool) {
    this.routes = routes;
    this.pool = pool;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Routes.Route route = routes.find(path, exchange.getRequestMethod());
    if (route == null) {
      throw new HttpError(404, "no such path: " + path);
    }
    if (!route.methods().contains(exchange.getRequestMethod())) {
      String allow = routes.allow(path);
      throw new HttpError(405, "method " + exchange.getRequestMethod() + " is not allowed on " + path
          + "; allowed: " + allow, Map.of("Allow", allow));
    }
    if (!route.longLived()) {
      route.handler().handle(exchange);
      return;
    }
    pool.lend();
    try {
      route.handler().handle(exchange);
    } finally {
      pool.giveBack();
    }
  }
}
