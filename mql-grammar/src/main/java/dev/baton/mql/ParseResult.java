package dev.baton.mql;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** Either a parsed value or the problems that prevented it; never both. */
public final class ParseResult<T> {

    private final T value;
    private final List<Problem> problems;

    private ParseResult(T value, List<Problem> problems) {
        this.value = value;
        this.problems = problems;
    }

    public static <T> ParseResult<T> success(T value) {
        return new ParseResult<>(Objects.requireNonNull(value, "value"), List.of());
    }

    public static <T> ParseResult<T> failure(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a failure needs at least one problem");
        }
        return new ParseResult<>(null, List.copyOf(problems));
    }

    public boolean ok() {
        return value != null;
    }

    /** The parsed value; throws {@link NoSuchElementException} if there were problems. */
    public T value() {
        if (value == null) {
            throw new NoSuchElementException("input has problems: " + problems);
        }
        return value;
    }

    public Optional<T> result() {
        return Optional.ofNullable(value);
    }

    /** Empty exactly when {@link #ok()}. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return ok() ? "ok(" + value + ")" : "problems" + problems;
    }
}
