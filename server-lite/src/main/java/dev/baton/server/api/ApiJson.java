package dev.baton.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.api.model.ApiError;
import dev.baton.api.model.QueryProblem;
import dev.baton.mql.Problem;
import dev.baton.server.http.Exchanges;
import dev.baton.server.query.BadRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The API's JSON: ISO-8601 times and durations; errors as {@link ApiError}. The event stream writes its data with {@link #MAPPER} too. */
public final class ApiJson {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addSerializer(Instant.class, new UtcInstantSerializer()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private ApiJson() {}

  static void ok(HttpExchange exchange, Object value) throws IOException {
    Exchanges.send(exchange, 200, Exchanges.JSON_TYPE, MAPPER.writeValueAsBytes(value));
  }

  static void error(HttpExchange exchange, int status, String message, String parameter, List<QueryProblem> problems)
      throws IOException {
    Exchanges.send(exchange, status, Exchanges.JSON_TYPE,
        MAPPER.writeValueAsBytes(new ApiError(status, message, parameter, problems)));
  }

  public static void badRequest(HttpExchange exchange, BadRequest e) throws IOException {
    List<QueryProblem> problems = new ArrayList<>();
    for (Problem p : e.problems()) {
      problems.add(new QueryProblem(p.line(), p.column(), p.offset(), p.length(), p.message(), p.caret(e.query())));
    }
    error(exchange, 400, e.getMessage(), e.parameter(), problems);
  }
}
