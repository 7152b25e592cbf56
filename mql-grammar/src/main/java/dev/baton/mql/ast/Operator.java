package dev.baton.mql.ast;

/** Comparison operators. {@code !=} and {@code !~} are exactly the negation of {@code =} and {@code =~}. */
public enum Operator {
    EQ("="), NE("!="), MATCHES("=~"), NOT_MATCHES("!~"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in MQL. */
    public String symbol() {
        return symbol;
    }

    /** True for {@code != } and {@code !~}, which negate {@link #positive()}. */
    public boolean negated() {
        return this == NE || this == NOT_MATCHES;
    }

    /** {@code =} for {@code !=}, {@code =~} for {@code !~}, the operator itself otherwise. */
    public Operator positive() {
        return switch (this) {
            case NE -> EQ;
            case NOT_MATCHES -> MATCHES;
            default -> this;
        };
    }

    public boolean regex() {
        return this == MATCHES || this == NOT_MATCHES;
    }

    /** Operators that need an ordered field: {@code < <= > >=}. */
    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE;
    }
}
