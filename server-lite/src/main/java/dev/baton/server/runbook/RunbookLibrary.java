package dev.baton.server.runbook;

import dev.baton.mql.eval.Subject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The runbooks of a folder as last read: usable ones in listing order (priority, lower first, then
 * title, then path) and the files skipped with their problems. Immutable; a reload makes a new one.
 *
 * @param folder   the folder read, or null when no runbooks folder is configured
 * @param runbooks every usable runbook, in listing order
 * @param problems every file skipped, and why
 * @param loadedAt when the folder was read
 */
public record RunbookLibrary(Path folder, List<Runbook> runbooks, List<RunbookProblem> problems, Instant loadedAt) {

  /** Listing order: priority (lower first), then title, then path. */
  public static final Comparator<Runbook> ORDER = Comparator.comparingInt(Runbook::priority)
      .thenComparing(Runbook::title).thenComparing(Runbook::path);

  public RunbookLibrary {
    runbooks = runbooks.stream().sorted(ORDER).toList();
    problems = List.copyOf(problems);
  }

  /** No folder configured. */
  public static RunbookLibrary none(Instant at) {
    return new RunbookLibrary(null, List.of(), List.of(), at);
  }

  /** The runbooks whose MQL matches {@code incident}, in listing order. */
  public List<Runbook> matching(Subject incident) {
    return runbooks.stream().filter(r -> r.query().test(incident)).toList();
  }
}
