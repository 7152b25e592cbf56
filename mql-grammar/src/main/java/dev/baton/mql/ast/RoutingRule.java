package dev.baton.mql.ast;

import java.util.List;
import java.util.Objects;

/** {@code query -> @person, #team}: incidents matching the query go to the targets, in order. */
public record RoutingRule(Query query, List<Target> targets) {
    public RoutingRule {
        Objects.requireNonNull(query, "query");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a routing rule needs at least one target");
        }
    }
}
