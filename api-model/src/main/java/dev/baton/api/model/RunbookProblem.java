package dev.baton.api.model;

/**
 * A runbook file that was skipped.
 *
 * @param path    the file relative to the runbooks folder (or the folder)
 * @param line    1-based line of the problem, 0 when it is about the whole file
 * @param message what is wrong
 */
public record RunbookProblem(String path, int line, String message) {
}
