package dev.baton.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.api.model.SnoozeRuleInfo;
import dev.baton.api.model.SnoozeRuleList;
import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.ast.Query;
import dev.baton.server.config.Role;
import dev.baton.server.http.Principal;
import dev.baton.server.http.Routes;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.incident.Refusal;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.pipeline.Unavailable;
import dev.baton.server.policy.SnoozeRule;
import dev.baton.server.policy.SnoozeRuleChange;
import dev.baton.server.query.BadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Smart ignore rules: {@code GET /api/v1/snooze-rules} (read), {@code POST /api/v1/snooze-rules
 * {mql, for|until, comment}} and {@code DELETE /api/v1/snooze-rules/{id}} (operate).
 */
public final class SnoozeRuleApi {

  static final String RULES = "/api/v1/snooze-rules";
  private static final Mql MQL = Mql.forIncidents();

  private final Pipeline pipeline;
  private final Clock clock;
  private final Duration timeout;

  public SnoozeRuleApi(Pipeline pipeline, Clock clock, Duration timeout) {
    this.pipeline = pipeline;
    this.clock = clock;
    this.timeout = timeout;
  }

  public Routes mount(Routes routes) {
    return routes.add(RULES, Set.of("GET"), Role.READ, e -> ApiJson.ok(e, list()))
        .add(RULES, Set.of("POST"), Role.OPERATE, this::create)
        .add(RULES + "/", Set.of("DELETE"), Role.OPERATE, this::end);
  }

  private SnoozeRuleList list() {
    return new SnoozeRuleList(pipeline.snoozeRules().stream().map(r -> info(r, List.of())).toList());
  }

  private void create(HttpExchange exchange) throws IOException {
    answer(exchange, () -> {
      JsonNode body = ActionRequests.body(read(exchange));
      String mql = ActionRequests.required(body, "mql", Mql.MAX_LENGTH);
      ParseResult<Query> parsed = MQL.parse(mql);
      if (!parsed.ok()) {
        throw BadRequest.mql("mql", mql, parsed.problems());
      }
      String comment = ActionRequests.required(body, "comment", ActionRequests.MAX_TEXT);
      ObjectNode when = body.deepCopy();
      when.remove("mql");
      IncidentCommand.Snooze terms = (IncidentCommand.Snooze) ActionRequests.parse("snooze", when, clock.instant());
      if (terms.forever() || terms.closeIfOk()) {
        throw new BadRequest(terms.forever() ? "forever" : "close_if_ok",
            "a snooze rule takes 'mql', 'for' or 'until', and 'comment'; it always ends");
      }
      return pipeline.createSnoozeRule(mql, MQL.predicate(parsed.value()), terms.until(), comment,
          Principal.of(exchange).name());
    });
  }

  private void end(HttpExchange exchange) throws IOException {
    answer(exchange, () -> {
      read(exchange);
      String text = exchange.getRequestURI().getPath().substring(RULES.length() + 1);
      long id;
      try {
        id = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new BadRequest("id", "snooze rule id '" + text + "' is not a whole number");
      }
      return pipeline.endSnoozeRule(id, Principal.of(exchange).name());
    });
  }

  private interface Change {
    CompletableFuture<SnoozeRuleChange> start();
  }

  private void answer(HttpExchange exchange, Change change) throws IOException {
    try {
      SnoozeRuleChange done = WriterWait.await(change.start(), timeout);
      ApiJson.ok(exchange, info(done.rule(), done.incidents()));
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    } catch (Refusal e) {
      ApiJson.error(exchange, 404, e.getMessage(), null, List.of());
    } catch (Unavailable e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      ApiJson.error(exchange, 503, e.getMessage(), null, List.of());
    }
  }

  private static byte[] read(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BadRequest("body", "the body cannot be read: " + e.getMessage());
    }
  }

  private static SnoozeRuleInfo info(SnoozeRule r, List<Long> incidents) {
    return new SnoozeRuleInfo(r.id(), r.mql(), Instant.ofEpochMilli(r.until()), r.comment(), r.author(),
        Instant.ofEpochMilli(r.createdAt()), incidents);
  }
}
