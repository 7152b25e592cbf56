package dev.baton.server.postmortem;

import dev.baton.api.model.FieldProblem;
import java.util.List;

/** A request body with invalid fields: every problem, each with the field's path and why. */
public final class InvalidPostmortem extends RuntimeException {

  private final List<FieldProblem> problems;

  InvalidPostmortem(List<FieldProblem> problems) {
    super(summary(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  static InvalidPostmortem of(String field, String message) {
    return new InvalidPostmortem(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  private static String summary(List<FieldProblem> problems) {
    StringBuilder s = new StringBuilder(problems.size() == 1 ? "invalid field: " : problems.size() + " invalid fields: ");
    for (int i = 0; i < problems.size(); i++) {
      s.append(i == 0 ? "" : "; ").append(problems.get(i).field()).append(": ").append(problems.get(i).message());
    }
    return s.toString();
  }
}
