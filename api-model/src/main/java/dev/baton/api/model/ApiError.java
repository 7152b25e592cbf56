package dev.baton.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every error answer: {@code code} and {@code message} as Alertmanager answers errors, plus where
 * the mistake is.
 *
 * @param parameter the query parameter at fault, or null
 * @param problems  MQL problems of {@code q}, with line, column and a caret rendering; empty otherwise
 * @param holder    on a 409 from an incident action: who holds the incident now
 * @param version   on a 409 from an incident action: the incident's current version
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int code, String message, String parameter, List<QueryProblem> problems, String holder,
    Long version) {

  public ApiError(int code, String message, String parameter, List<QueryProblem> problems) {
    this(code, message, parameter, problems, null, null);
  }
}
