package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.api.model.ApiError;
import dev.baton.api.model.IncidentCard;
import dev.baton.server.http.Exchanges;
import dev.baton.server.http.Principal;
import dev.baton.server.incident.IncidentAction;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.incident.Refusal;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.pipeline.Unavailable;
import dev.baton.server.query.BadRequest;
import dev.baton.server.query.IncidentQueries;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/incidents/{id}/{take|handover|snooze|unsnooze|close|describe|comment|severity}}:
 * validates the body, hands the action to the writer (serialised with ingest, so two takes cannot
 * both win) and answers the updated card with its version as ETag. {@code If-Match} carries the
 * version the actor saw; a stale one is 409.
 */
final class IncidentActions implements HttpHandler {

  private static final Pattern ACTION = Pattern.compile("/api/v1/incidents/([^/]+)/([a-z]+)");

  private final Pipeline pipeline;
  private final IncidentQueries incidents;
  private final Clock clock;
  private final Duration timeout;

  IncidentActions(Pipeline pipeline, IncidentQueries incidents, Clock clock, Duration timeout) {
    this.pipeline = pipeline;
    this.incidents = incidents;
    this.clock = clock;
    this.timeout = timeout;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Matcher m = ACTION.matcher(path);
    if (!m.matches() || !ActionRequests.FIELDS.containsKey(m.group(2))) {
      ApiJson.error(exchange, 404, "no such path: " + path + "; incident actions are POST /api/v1/incidents/{id}/"
          + String.join("|", new java.util.TreeSet<>(ActionRequests.FIELDS.keySet())), null, List.of());
      return;
    }
    try {
      long id = ConsoleApi.incidentId(m.group(1));
      Long expected = ifMatch(exchange.getRequestHeaders().getFirst("If-Match"));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      IncidentCommand command = ActionRequests.parse(m.group(2), ActionRequests.body(body), clock.instant());
      Principal actor = Principal.of(exchange);
      WriterWait.await(pipeline.act(new IncidentAction(id, actor.name(), expected, command)), timeout);
      IncidentCard card = incidents.card(id);
      exchange.getResponseHeaders().set("ETag", etag(card.version()));
      ApiJson.ok(exchange, card);
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    } catch (Refusal e) {
      int status = e.reason() == Refusal.Reason.NOT_FOUND ? 404 : 409;
      if (status == 409) {
        exchange.getResponseHeaders().set("ETag", etag(e.currentVersion()));
      }
      Exchanges.send(exchange, status, Exchanges.JSON_TYPE, ApiJson.MAPPER.writeValueAsBytes(new ApiError(status,
          e.getMessage(), null, List.of(), e.holder(), status == 409 ? e.currentVersion() : null)));
    } catch (Unavailable e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      ApiJson.error(exchange, 503, e.getMessage(), null, List.of());
    }
  }

  /** {@code "7"}, {@code W/"7"} or {@code 7}; {@code *} or none: no check. */
  static Long ifMatch(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return null;
    }
    String v = header.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      long version = Long.parseLong(v);
      if (version >= 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest("If-Match", "If-Match '" + header + "' is not an incident version; send the card's"
        + " version (or its ETag), like If-Match: \"7\"");
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }
}
