package dev.baton.mql.parse;

import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.ast.RoutingRule;
import dev.baton.mql.ast.Target;
import java.util.List;

/**
 * Canonical MQL text: upper-case keywords, single spaces, parentheses only where precedence needs
 * them, values bare when possible. Parsing the output gives back an equal tree.
 */
public final class Formatter {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;

    private Formatter() {
    }

    public static String format(Query query) {
        StringBuilder out = new StringBuilder();
        query.expr().ifPresent(expr -> write(expr, OR, out));
        return out.toString();
    }

    public static String format(RoutingRule rule) {
        StringBuilder out = new StringBuilder(format(rule.query()));
        out.append(out.length() == 0 ? "-> " : " -> ");
        List<Target> targets = rule.targets();
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(targets.get(i) instanceof Target.Person ? '@' : '#').append(targets.get(i).name());
        }
        return out.toString();
    }

    private static void write(Expr expr, int context, StringBuilder out) {
        if (expr instanceof Expr.Or or) {
            joined(or.operands(), " OR ", OR, AND, context, out);
        } else if (expr instanceof Expr.And and) {
            joined(and.operands(), " AND ", AND, NOT, context, out);
        } else if (expr instanceof Expr.Not not) {
            out.append("NOT ");
            write(not.operand(), NOT, out);
        } else if (expr instanceof Expr.Match match) {
            out.append(match.ref() instanceof Ref.Label ? "~" : "").append(match.ref().name())
                    .append(' ').append(match.op().symbol()).append(' ').append(Values.write(match.value()));
        }
    }

    private static void joined(List<Expr> operands, String keyword, int own, int operandContext, int context,
            StringBuilder out) {
        boolean parens = context > own;
        if (parens) {
            out.append('(');
        }
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(keyword);
            }
            write(operands.get(i), operandContext, out);
        }
        if (parens) {
            out.append(')');
        }
    }
}
