package dev.baton.server.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes every exchange, and logs one line per request on the {@code dev.baton.server.http.access} logger (debug: 2xx–4xx; warn: 5xx). */
final class AccessLogFilter extends Filter {

  private static final Logger ACCESS = LoggerFactory.getLogger("dev.baton.server.http.access");

  private final InFlight inFlight;

  AccessLogFilter(InFlight inFlight) {
    this.inFlight = inFlight;
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
      if (status >= 500 ? ACCESS.isWarnEnabled() : ACCESS.isDebugEnabled()) {
        Principal p = (Principal) exchange.getAttribute(Principal.ATTRIBUTE);
        String line = String.format("%s %s %s %d %.1fms %s", exchange.getRemoteAddress().getAddress().getHostAddress(),
            exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), status,
            (System.nanoTime() - start) / 1e6, p == null ? "-" : p.name());
        if (status >= 500) {
          ACCESS.warn(line);
        } else {
          ACCESS.debug(line);
        }
      }
    }
  }

  @Override
  public String description() {
    return "access log";
  }
}
