package dev.baton.mql.complete;

import java.util.Objects;

/**
 * One completion: {@code text} replaces the completion's range; {@code detail} is a short
 * explanation (a field's description, "label", …) and may be empty.
 */
public record Suggestion(String text, Kind kind, String detail) {

    public enum Kind { FIELD, LABEL, OPERATOR, VALUE, KEYWORD, TARGET, PUNCTUATION }

    public Suggestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
