package dev.baton.mql.field;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/** How the values of a built-in field compare. */
public enum FieldKind {
    /** One text value. */
    STRING,
    /** Several text values (an incident's triggers); {@code =} and {@code =~} hold if any value matches. */
    MULTI_STRING,
    /** Ordered severity {@code S1} (worst) .. {@code S9}; {@code severity <= S3} means S1, S2, S3. */
    SEVERITY,
    /** Ordered point in time: ISO-8601 instant ({@code 2026-11-21T10:00:00Z}), offset date-time, or a UTC date. */
    TIME;

    public boolean ordered() {
        return this == SEVERITY || this == TIME;
    }

    /**
     * The sort key of a value of an ordered kind: the rank 1..9 for severity, epoch milliseconds for
     * time; empty if the text is not a value of this kind.
     */
    public OptionalLong ordinal(String text) {
        return switch (this) {
            case SEVERITY -> severityRank(text);
            case TIME -> epochMillis(text);
            default -> OptionalLong.empty();
        };
    }

    /** What a value of this kind looks like, for error messages. */
    public String expectedValue() {
        return switch (this) {
            case SEVERITY -> "a severity S1..S9";
            case TIME -> "a time such as 2026-11-21T10:00:00Z or 2026-11-21";
            default -> "a text value";
        };
    }

    private static OptionalLong severityRank(String text) {
        if (text.length() == 2 && (text.charAt(0) == 'S' || text.charAt(0) == 's')) {
            char digit = text.charAt(1);
            if (digit >= '1' && digit <= '9') {
                return OptionalLong.of(digit - '0');
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong epochMillis(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return OptionalLong.empty();
        }
        try {
            if (text.length() == 10) {
                return OptionalLong.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return OptionalLong.of(Instant.parse(text.toUpperCase()).toEpochMilli());
            }
            return OptionalLong.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
