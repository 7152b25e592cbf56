package dev.baton.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.api.model.ShiftHandoverResult;
import dev.baton.server.config.Role;
import dev.baton.server.http.Principal;
import dev.baton.server.http.Routes;
import dev.baton.server.incident.Holding;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.pipeline.Unavailable;
import dev.baton.server.query.BadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/shift/handover {from, to, comment}}: every incident a person holds passes to
 * another person or a team in one step, each with the comment (a handover in each timeline).
 * Operators and admins.
 */
public final class ShiftApi {

  static final String HANDOVER = "/api/v1/shift/handover";

  private final Pipeline pipeline;
  private final Clock clock;
  private final Duration timeout;

  public ShiftApi(Pipeline pipeline, Clock clock, Duration timeout) {
    this.pipeline = pipeline;
    this.clock = clock;
    this.timeout = timeout;
  }

  public Routes mount(Routes routes) {
    return routes.add(HANDOVER, Set.of("POST"), Role.OPERATE, this::handover);
  }

  private void handover(HttpExchange exchange) throws IOException {
    try {
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readAllBytes();
      }
      JsonNode body = ActionRequests.body(bytes);
      String from = ActionRequests.required(body, "from", ActionRequests.MAX_SHORT);
      from = from.startsWith("@") ? from : "@" + from;
      if (!Holding.validHolder(from)) {
        throw new BadRequest("from", "'" + from + "' is not a person; name the person going off shift like '@alice'");
      }
      ObjectNode rest = body.deepCopy();
      rest.remove("from");
      IncidentCommand.Handover h = (IncidentCommand.Handover) ActionRequests.parse("handover", rest, clock.instant());
      if (h.to().equals(from)) {
        throw new BadRequest("to", "'to' is the same as 'from' (" + from + ")");
      }
      List<Long> ids = WriterWait.await(pipeline.handOverShift(from, h.to(), h.comment(), Principal.of(exchange).name()),
          timeout);
      ApiJson.ok(exchange, new ShiftHandoverResult(from, h.to(), h.comment(), ids));
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    } catch (Unavailable e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      ApiJson.error(exchange, 503, e.getMessage(), null, List.of());
    }
  }

}
