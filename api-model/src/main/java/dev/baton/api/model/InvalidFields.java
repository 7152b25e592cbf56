package dev.baton.api.model;

import java.util.List;

/**
 * A 400 for a body with invalid fields: {@link ApiError}'s shape ({@code parameter} names the first
 * field) plus every problem found.
 */
public record InvalidFields(int code, String message, String parameter, List<FieldProblem> fields) {
}
