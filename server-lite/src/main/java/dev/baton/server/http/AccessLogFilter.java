package dev.baton.server.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.server.metrics.ReceiverMetrics;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes every exchange, counts it by path and status, and logs one line per request on the {@code dev.baton.server.http.access} logger (debug: 2xx–4xx; warn: 5xx). */
final class AccessLogFilter extends Filter {

  private static final Logger ACCESS = LoggerFactory.getLogger("dev.baton.server.http.access");

  private final InFlight inFlight;
  private final Routes routes;
  private final ReceiverMetrics metrics;

  AccessLogFilter(InFlight inFlight, Routes routes, ReceiverMetrics metrics) {
    this.inFlight = inFlight;
    this.routes = routes;
    this.metrics = metrics;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    long start = System.nanoTime();
    inFlight.enter();
    try {
      chain.doFilter(exchange);
    } finally {
      exchange.close();
      inFlight.exit();
      int status = exchange.getResponseCode();
      Routes.Route route = routes.find(exchange.getRequestURI().getPath());
      metrics.requests.inc(1, route == null ? "other" : route.path(), Integer.toString(status));
      if (status >= 500 ? ACCESS.isWarnEnabled() : ACCESS.isDebugEnabled()) {
        Principal p = Principal.of(exchange);
        String line = String.format("%s %s %s %d %.1fms %s", exchange.getRemoteAddress().getAddress().getHostAddress(),
            exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), status,
            (System.nanoTime() - start) / 1e6, p == null ? "-" : p.name());
        if (status >= 500) {
          ACCESS.warn(line);
        } else {
          ACCESS.debug(line);
        }
      }
      Principal.detach(exchange);
    }
  }

  @Override
  public String description() {
    return "access log";
  }
}
