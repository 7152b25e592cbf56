package dev.baton.mql.ast;

import java.util.Objects;
import java.util.Optional;

/** A whole query. The empty query has no expression and matches everything. */
public record Query(Optional<Expr> expr) {

    public static final Query ALL = new Query(Optional.empty());

    public Query {
        Objects.requireNonNull(expr, "expr");
    }

    public static Query of(Expr expr) {
        return new Query(Optional.of(expr));
    }

    public boolean matchesAll() {
        return expr.isEmpty();
    }
}
