package dev.baton.mql.field;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One built-in field: its name as written in MQL, its kind, a one-line description and the values
 * known in advance (offered by completion; other values are still allowed).
 */
public record FieldSpec(String name, FieldKind kind, String description, List<String> knownValues) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public FieldSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name must match " + NAME + ": " + name);
        }
        knownValues = List.copyOf(knownValues);
    }

    public FieldSpec(String name, FieldKind kind, String description) {
        this(name, kind, description, kind == FieldKind.SEVERITY
                ? List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9")
                : List.of());
    }
}
