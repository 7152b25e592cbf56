package dev.baton.mql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A boolean expression of matches. */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Match {

    /** All operands hold. Nested ANDs are flattened, so equal expressions have one shape. */
    record And(List<Expr> operands) implements Expr {
        public And {
            operands = flatten(operands, And.class);
        }

        public static And of(Expr... operands) {
            return new And(List.of(operands));
        }
    }

    /** At least one operand holds. Nested ORs are flattened. */
    record Or(List<Expr> operands) implements Expr {
        public Or {
            operands = flatten(operands, Or.class);
        }

        public static Or of(Expr... operands) {
            return new Or(List.of(operands));
        }
    }

    /** The operand does not hold. */
    record Not(Expr operand) implements Expr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code ref op value}: a field or label compared with a value. */
    record Match(Ref ref, Operator op, String value) implements Expr {
        public Match {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    private static List<Expr> flatten(List<Expr> operands, Class<? extends Expr> kind) {
        List<Expr> flat = new ArrayList<>(operands.size());
        for (Expr operand : operands) {
            Objects.requireNonNull(operand, "operand");
            if (operand instanceof And and && kind == And.class) {
                flat.addAll(and.operands());
            } else if (operand instanceof Or or && kind == Or.class) {
                flat.addAll(or.operands());
            } else {
                flat.add(operand);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(kind.getSimpleName() + " needs at least two operands");
        }
        return List.copyOf(flat);
    }
}
