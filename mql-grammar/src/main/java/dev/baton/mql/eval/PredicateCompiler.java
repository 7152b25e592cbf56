package dev.baton.mql.eval;

import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Operator;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.FieldKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles a query into an in-memory predicate over {@link Subject}s and {@link SubjectTable}s. Everything that can be done
 * once is done here (regexes compiled, ordered values parsed), so testing a subject allocates
 * nothing except a regex matcher. The SQL compiler ({@code dev.baton.mql.sql}) mirrors these rules
 * and a conformance test holds the two to the same answers:
 * <ul>
 * <li>a missing field or label compares as the empty string;</li>
 * <li>{@code =} and {@code =~} hold on a multi-valued field if any value matches, on a label if any alert matches;</li>
 * <li>{@code !=} and {@code !~} are exactly NOT {@code =} and NOT {@code =~};</li>
 * <li>on an ordered field a missing value satisfies no comparison.</li>
 * </ul>
 * Predicates are immutable and thread-safe.
 */
public final class PredicateCompiler {

    private PredicateCompiler() {
    }

    /**
     * @throws IllegalArgumentException if the query uses a field missing from {@code catalog} or an
     *     invalid value; never for a query that {@code Mql.using(catalog)} parsed
     */
    public static CompiledQuery compile(Query query, FieldCatalog catalog) {
        CompiledQuery.Node root = query.expr().<CompiledQuery.Node>map(expr -> compile(expr, catalog))
                .orElse((table, row) -> true);
        return new CompiledQuery(catalog, root);
    }

    private static CompiledQuery.Node compile(Expr expr, FieldCatalog catalog) {
        if (expr instanceof Expr.And and) {
            return new AllOf(compileAll(and.operands(), catalog));
        } else if (expr instanceof Expr.Or or) {
            return new AnyOf(compileAll(or.operands(), catalog));
        } else if (expr instanceof Expr.Not not) {
            return new Negation(compile(not.operand(), catalog));
        }
        Expr.Match match = (Expr.Match) expr;
        CompiledQuery.Node positive = match(match, catalog);
        return match.op().negated() ? new Negation(positive) : positive;
    }

    private static CompiledQuery.Node[] compileAll(List<Expr> operands, FieldCatalog catalog) {
        CompiledQuery.Node[] compiled = new CompiledQuery.Node[operands.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(operands.get(i), catalog);
        }
        return compiled;
    }

    private static CompiledQuery.Node match(Expr.Match match, FieldCatalog catalog) {
        Operator op = match.op().positive();
        String name = match.ref().name();
        if (match.ref() instanceof Ref.Label) {
            if (op.ordering()) {
                throw new IllegalArgumentException("labels are not ordered: " + match);
            }
            if (op == Operator.MATCHES) {
                Pattern pattern = Pattern.compile(match.value());
                return new LabelMatches(name, pattern, pattern.matcher("").find());
            }
            return new LabelEquals(name, match.value(), match.value().hashCode());
        }
        int slot = Subject.slot(catalog, name);
        if (slot < 0) {
            throw new IllegalArgumentException("unknown field '" + name + "'");
        }
        FieldKind kind = catalog.fields().get(slot).kind();
        if (kind.ordered()) {
            if (op.regex()) {
                throw new IllegalArgumentException("regular expressions do not apply to ordered fields: " + match);
            }
            long bound = kind.ordinal(match.value()).orElseThrow(() -> new IllegalArgumentException(
                    "invalid value for " + name + ": " + match.value()));
            return new Compare(slot, op, bound);
        }
        if (op.ordering()) {
            throw new IllegalArgumentException("field is not ordered: " + match);
        }
        if (op == Operator.MATCHES) {
            Pattern pattern = Pattern.compile(match.value());
            return new FieldMatches(slot, pattern, pattern.matcher("").find());
        }
        return new FieldEquals(slot, match.value(), match.value().hashCode());
    }

    private record AllOf(CompiledQuery.Node[] operands) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            for (CompiledQuery.Node operand : operands) {
                if (!operand.test(table, row)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AnyOf(CompiledQuery.Node[] operands) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            for (CompiledQuery.Node operand : operands) {
                if (operand.test(table, row)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Negation(CompiledQuery.Node operand) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            return !operand.test(table, row);
        }
    }

    private record FieldEquals(int slot, String value, int hash) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            String text = table.first[slot][row];
            if (text == null) {
                return value.isEmpty();
            }
            if (same(text)) {
                return true;
            }
            String[][] more = table.more[slot];
            if (more != null && more[row] != null) {
                for (String other : more[row]) {
                    if (same(other)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean same(String text) {
            return text == value || (text.hashCode() == hash && value.equals(text));
        }
    }

    private record FieldMatches(int slot, Pattern pattern, boolean matchesMissing) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            String text = table.first[slot][row];
            if (text == null) {
                return matchesMissing;
            }
            if (pattern.matcher(text).find()) {
                return true;
            }
            String[][] more = table.more[slot];
            if (more != null && more[row] != null) {
                for (String other : more[row]) {
                    if (pattern.matcher(other).find()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private record Compare(int slot, Operator op, long bound) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            if (table.first[slot][row] == null) {
                return false;
            }
            long ordinal = table.ordinals[slot][row];
            return switch (op) {
                case EQ -> ordinal == bound;
                case LT -> ordinal < bound;
                case LE -> ordinal <= bound;
                case GT -> ordinal > bound;
                case GE -> ordinal >= bound;
                default -> throw new IllegalStateException(op.symbol());
            };
        }
    }

    private record LabelEquals(String label, String value, int hash) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            int from = table.alertStart[row];
            int to = table.alertStart[row + 1];
            String[] values = table.labels.get(label);
            if (values == null) {
                return value.isEmpty() && from < to;
            }
            for (int alert = from; alert < to; alert++) {
                String text = values[alert];
                if (text == null ? value.isEmpty() : text == value || (text.hashCode() == hash && value.equals(text))) {
                    return true;
                }
            }
            return false;
        }
    }

    private record LabelMatches(String label, Pattern pattern, boolean matchesMissing) implements CompiledQuery.Node {
        @Override
        public boolean test(SubjectTable table, int row) {
            int from = table.alertStart[row];
            int to = table.alertStart[row + 1];
            String[] values = table.labels.get(label);
            if (values == null) {
                return matchesMissing && from < to;
            }
            for (int alert = from; alert < to; alert++) {
                String text = values[alert];
                if (text == null ? matchesMissing : pattern.matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }
    }
}
