package dev.baton.client;

import dev.baton.api.model.FieldProblem;
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
  private final String holder;
  private final Long currentVersion;
  private final List<FieldProblem> fields;

  public BatonApiException(int status, String message, String parameter, List<QueryProblem> problems) {
    this(status, message, parameter, problems, null, null, List.of());
  }

  public BatonApiException(int status, String message, String parameter, List<QueryProblem> problems, String holder,
      Long currentVersion) {
    this(status, message, parameter, problems, holder, currentVersion, List.of());
  }

  /**
   * With what a refused incident action (409) tells, who holds the incident and its version now,
   * and for a body with invalid fields (400) every field at fault.
   */
  public BatonApiException(int status, String message, String parameter, List<QueryProblem> problems, String holder,
      Long currentVersion, List<FieldProblem> fields) {
    super(status + ": " + message);
    this.status = status;
    this.parameter = parameter;
    this.problems = problems == null ? List.of() : List.copyOf(problems);
    this.holder = holder;
    this.currentVersion = currentVersion;
    this.fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /**
   * True for 409: the incident changed since the version sent with the action, another person
   * holds it, or its state does not allow the action (closed, not snoozed…). Reload and decide.
   */
  public boolean isConflict() {
    return status == 409;
  }

  /** On a 409: who holds the incident now ({@code @alice}, {@code #l1}); else null. */
  public String holder() {
    return holder;
  }

  /** On a 409: the incident's version now, to reload or retry with; else null. */
  public Long currentVersion() {
    return currentVersion;
  }

  /** The HTTP status (400 bad input, 401/403 token, 404 unknown id or path, …). */
  public int status() {
    return status;
  }

  /** The query parameter the server blamed ({@code q}, {@code limit}, {@code cursor}…), or null. */
  public String parameter() {
    return parameter;
  }

  /** On a 400 for a body (a post-mortem's fields): every invalid field with its path; else empty. */
  public List<FieldProblem> fields() {
    return fields;
  }

  /** MQL problems of {@code q}; empty for other errors. */
  public List<QueryProblem> problems() {
    return problems;
  }
}
