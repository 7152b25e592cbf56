package dev.baton.client;

import dev.baton.api.model.QueryProblem;
import java.io.IOException;
import java.util.List;

/**
 * The receiver refused a request: its HTTP status and message, the parameter at fault, and for MQL
 * the problems with line, column and caret. Transport failures stay plain {@link IOException}s.
 */
public final class BatonApiException extends IOException {

  private final int status;
  private final String parameter;
  private final List<QueryProblem> problems;

  public BatonApiException(int status, String message, String parameter, List<QueryProblem> problems) {
    super(status + ": " + message);
    this.status = status;
    this.parameter = parameter;
    this.problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** The HTTP status (400 bad input, 401/403 token, 404 unknown id or path, …). */
  public int status() {
    return status;
  }

  /** The query parameter the server blamed ({@code q}, {@code limit}, {@code cursor}…), or null. */
  public String parameter() {
    return parameter;
  }

  /** MQL problems of {@code q}; empty for other errors. */
  public List<QueryProblem> problems() {
    return problems;
  }
}
