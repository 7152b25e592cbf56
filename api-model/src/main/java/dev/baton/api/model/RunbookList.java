package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/**
 * Every runbook the receiver knows, and the files it skipped.
 *
 * @param folder   the runbooks folder, or null when none is configured
 * @param loadedAt when the folder was last read
 * @param runbooks usable runbooks, by priority (lower first), then title
 * @param problems skipped files and why
 */
public record RunbookList(String folder, Instant loadedAt, List<Runbook> runbooks, List<RunbookProblem> problems) {
}
