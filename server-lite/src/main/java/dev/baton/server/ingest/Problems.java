package dev.baton.server.ingest;

import dev.baton.server.ingest.DecodeResult.Problem;
import java.util.List;

/** Renders located problems as one line a person can act on, for replies that carry a single message. */
final class Problems {

  /** Beyond this many problems a reply says how many more there were instead of listing them. */
  static final int MAX_LISTED = 50;

  private Problems() {}

  /** {@code alerts[2].labels: at least one label pair required}; body-level problems without a prefix. */
  static String describe(Problem problem, String itemPath) {
    StringBuilder out = new StringBuilder();
    if (problem.index() >= 0) {
      out.append(itemPath).append('[').append(problem.index()).append(']');
      if (!problem.field().isEmpty()) {
        out.append(problem.field().startsWith("[") ? "" : ".").append(problem.field());
      }
    } else {
      out.append(problem.field());
    }
    if (out.length() > 0) {
      out.append(": ");
    }
    return out.append(problem.message()).toString();
  }

  /** All problems joined with "; " (as Alertmanager joins its errors), capped at {@link #MAX_LISTED}. */
  static String join(List<Problem> problems, String itemPath) {
    StringBuilder out = new StringBuilder();
    int listed = Math.min(problems.size(), MAX_LISTED);
    for (int i = 0; i < listed; i++) {
      if (i > 0) {
        out.append("; ");
      }
      out.append(describe(problems.get(i), itemPath));
    }
    if (problems.size() > listed) {
      out.append("; and ").append(problems.size() - listed).append(" more problems");
    }
    return out.toString();
  }

  static boolean bodyLevel(List<Problem> problems) {
    return problems.stream().anyMatch(p -> p.index() < 0);
  }
}
