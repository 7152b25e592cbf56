package dev.baton.mql.eval;

import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Operator;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.FieldKind;
import dev.baton.mql.field.FieldSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles a query into an in-memory predicate over {@link Subject}s. Everything that can be done
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
    public static Predicate<Subject> compile(Query query, FieldCatalog catalog) {
        return query.expr().map(expr -> compile(expr, catalog)).orElse(subject -> true);
    }

    private static Predicate<Subject> compile(Expr expr, FieldCatalog catalog) {
        if (expr instanceof Expr.And and) {
            return new AllOf(compileAll(and.operands(), catalog));
        } else if (expr instanceof Expr.Or or) {
            return new AnyOf(compileAll(or.operands(), catalog));
        } else if (expr instanceof Expr.Not not) {
            return new Negation(compile(not.operand(), catalog));
        }
        Expr.Match match = (Expr.Match) expr;
        Predicate<Subject> positive = match(match, catalog);
        return match.op().negated() ? new Negation(positive) : positive;
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Subject>[] compileAll(List<Expr> operands, FieldCatalog catalog) {
        Predicate<Subject>[] compiled = new Predicate[operands.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(operands.get(i), catalog);
        }
        return compiled;
    }

    private static Predicate<Subject> match(Expr.Match match, FieldCatalog catalog) {
        Operator op = match.op().positive();
        String name = match.ref().name();
        if (match.ref() instanceof Ref.Label) {
            if (op.ordering()) {
                throw new IllegalArgumentException("labels are not ordered: " + match);
            }
            return op == Operator.MATCHES ? new LabelMatches(name, Pattern.compile(match.value()))
                    : new LabelEquals(name, match.value());
        }
        FieldSpec spec = catalog.field(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name + "'"));
        FieldKind kind = spec.kind();
        if (kind.ordered()) {
            if (op.regex()) {
                throw new IllegalArgumentException("regular expressions do not apply to ordered fields: " + match);
            }
            long bound = kind.ordinal(match.value()).orElseThrow(() -> new IllegalArgumentException(
                    "invalid value for " + name + ": " + match.value()));
            return new Compare(name, op, bound);
        }
        if (op.ordering()) {
            throw new IllegalArgumentException("field is not ordered: " + match);
        }
        return op == Operator.MATCHES ? new FieldMatches(name, Pattern.compile(match.value()),
                Pattern.compile(match.value()).matcher("").find())
                : new FieldEquals(name, match.value());
    }

    private record AllOf(Predicate<Subject>[] operands) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            for (Predicate<Subject> operand : operands) {
                if (!operand.test(subject)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AnyOf(Predicate<Subject>[] operands) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            for (Predicate<Subject> operand : operands) {
                if (operand.test(subject)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Negation(Predicate<Subject> operand) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            return !operand.test(subject);
        }
    }

    private record FieldEquals(String field, String value) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            Subject.FieldValues values = subject.values(field);
            if (values == null) {
                return value.isEmpty();
            }
            for (String text : values.texts) {
                if (value.equals(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record FieldMatches(String field, Pattern pattern, boolean matchesMissing) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            Subject.FieldValues values = subject.values(field);
            if (values == null) {
                return matchesMissing;
            }
            for (String text : values.texts) {
                if (pattern.matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Compare(String field, Operator op, long bound) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            Subject.FieldValues values = subject.values(field);
            if (values == null) {
                return false;
            }
            long ordinal = values.ordinal;
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

    private record LabelEquals(String label, String value) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            for (Map<String, String> alert : subject.alerts()) {
                if (value.equals(alert.getOrDefault(label, ""))) {
                    return true;
                }
            }
            return false;
        }
    }

    private record LabelMatches(String label, Pattern pattern) implements Predicate<Subject> {
        @Override
        public boolean test(Subject subject) {
            for (Map<String, String> alert : subject.alerts()) {
                if (pattern.matcher(alert.getOrDefault(label, "")).find()) {
                    return true;
                }
            }
            return false;
        }
    }
}
