package dev.baton.server.query;

import dev.baton.mql.Problem;
import java.util.List;

/**
 * A request the store cannot answer because of the caller's input: which parameter, why, and for
 * MQL where in the query.
 */
public final class BadRequest extends RuntimeException {

  private final String parameter;
  private final String query;
  private final List<Problem> problems;

  public BadRequest(String parameter, String message) {
    this(parameter, message, null, List.of());
  }

  public BadRequest(String parameter, String message, String query, List<Problem> problems) {
    super(message, null, false, false);
    this.parameter = parameter;
    this.query = query;
    this.problems = List.copyOf(problems);
  }

  /** A query with MQL problems. */
  public static BadRequest mql(String parameter, String query, List<Problem> problems) {
    StringBuilder message = new StringBuilder("invalid MQL in '").append(parameter).append("': ");
    for (int i = 0; i < problems.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    return new BadRequest(parameter, message.toString(), query, problems);
  }

  public String parameter() {
    return parameter;
  }

  /** The MQL text the problems point into, or null. */
  public String query() {
    return query;
  }

  public List<Problem> problems() {
    return problems;
  }
}
