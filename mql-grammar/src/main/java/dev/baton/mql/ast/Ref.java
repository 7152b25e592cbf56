package dev.baton.mql.ast;

import java.util.Objects;

/** What a match looks at: a built-in field ({@code project}) or a label of the subject's alerts ({@code ~team}). */
public sealed interface Ref permits Ref.Field, Ref.Label {

    String name();

    /** A built-in field, known from the caller's field catalog. */
    record Field(String name) implements Ref {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A label: true if ANY alert of the subject carries it with a matching value; missing means "". */
    record Label(String name) implements Ref {
        public Label {
            Objects.requireNonNull(name, "name");
        }
    }
}
