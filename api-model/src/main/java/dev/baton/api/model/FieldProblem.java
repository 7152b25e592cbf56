package dev.baton.api.model;

/**
 * One invalid field of a request body.
 *
 * @param field where, as a path into the body ({@code damageFigures[2].value})
 */
public record FieldProblem(String field, String message) {
}
