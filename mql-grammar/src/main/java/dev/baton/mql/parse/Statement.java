package dev.baton.mql.parse;

import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Target;
import java.util.List;

/**
 * What one input line holds: a query and, for a routing rule, its targets. {@code arrowOffset} is
 * where {@code ->} starts, or -1 without targets; {@code end} is the length of the input.
 */
public record Statement(Query query, List<Target> targets, int arrowOffset, int end) {
    public Statement {
        targets = List.copyOf(targets);
    }
}
