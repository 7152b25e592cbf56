package dev.baton.api.model;

/**
 * One mistake in an MQL query.
 *
 * @param offset 0-based character offset, {@code length} characters long (for underlining)
 * @param caret  the offending line with a caret under the column
 */
public record QueryProblem(int line, int column, int offset, int length, String message, String caret) {
}
