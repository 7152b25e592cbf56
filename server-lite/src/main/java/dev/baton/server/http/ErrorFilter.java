package dev.baton.server.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON error; unexpected ones are logged and answered 500 without details. */
final class ErrorFilter extends Filter {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorFilter.class);

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    try {
      chain.doFilter(exchange);
    } catch (HttpError e) {
      answer(exchange, e);
    } catch (IOException e) {
      // the client went away or sent a broken stream; nothing useful can be answered
      LOG.debug("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
      throw e;
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
      answer(exchange, new HttpError(500, "internal error; the receiver's log has the details"));
    }
  }

  private static void answer(HttpExchange exchange, HttpError e) throws IOException {
    if (exchange.getResponseCode() != -1) {
      return; // headers already sent: too late to change the answer
    }
    Exchanges.error(exchange, e);
  }

  @Override
  public String description() {
    return "JSON errors without stack traces";
  }
}
