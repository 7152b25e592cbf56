package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.api.model.ConfigReport;
import dev.baton.server.config.ConfigReloader;
import dev.baton.server.config.Role;
import dev.baton.server.http.Exchanges;
import dev.baton.server.http.Routes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code GET /api/v1/config/check} (the file on disk), {@code POST /api/v1/config/check} (a posted
 * YAML body) and {@code POST /api/v1/admin/reload}: validate, or apply, the configuration. Admins only.
 */
public final class ConfigApi {

  static final String CHECK = "/api/v1/config/check";
  static final String RELOAD = "/api/v1/admin/reload";

  private final ConfigReloader reloader;

  public ConfigApi(ConfigReloader reloader) {
    this.reloader = reloader;
  }

  public Routes mount(Routes routes) {
    return routes.add(CHECK, Set.of("GET", "POST"), Role.ADMIN, this::check)
        .add(RELOAD, Set.of("POST"), Role.ADMIN, this::reload);
  }

  private void check(HttpExchange exchange) throws IOException {
    ConfigReloader.Outcome outcome;
    if (exchange.getRequestMethod().equals("POST")) {
      String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      outcome = reloader.check(text);
    } else {
      outcome = reloader.checkFile();
    }
    String message = outcome.valid() ? "the configuration is valid"
        : "the configuration has " + outcome.problems().size() + " problem(s)";
    ApiJson.ok(exchange, report(200, message, outcome));
  }

  private void reload(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    ConfigReloader.Outcome outcome = reloader.reload();
    int status;
    String message;
    if (outcome.applied()) {
      status = 200;
      message = "configuration applied";
    } else if (!outcome.valid()) {
      status = 400;
      message = "configuration rejected; the running one stays";
    } else {
      status = 503;
      message = "configuration valid but not applied now; the running one stays";
      exchange.getResponseHeaders().set("Retry-After", "1");
    }
    Exchanges.send(exchange, status, Exchanges.JSON_TYPE, ApiJson.MAPPER.writeValueAsBytes(report(status, message, outcome)));
  }

  private ConfigReport report(int status, String message, ConfigReloader.Outcome outcome) {
    String file = reloader.source().file() == null ? null : reloader.source().file().toString();
    return new ConfigReport(status, message, file, outcome.valid(), outcome.applied(), outcome.problems(),
        outcome.restartRequired());
  }
}
