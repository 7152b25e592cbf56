package dev.baton.mql.sql;

import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Operator;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.FieldKind;
import dev.baton.mql.field.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles a query to a parameterized SQLite WHERE condition over a {@link SqlSchema}. It mirrors
 * {@code dev.baton.mql.eval.PredicateCompiler} rule for rule (missing = "", any value / any alert,
 * negations exact, missing ordered values satisfy no comparison), and every sub-condition is 0 or
 * 1, never NULL, so NOT behaves as in Java; a NULL column is tested with {@code IS NOT NULL AND …}
 * rather than {@code COALESCE} where that leaves SQLite free to use an index. Regexes need {@link SqliteRegexp#register} on the
 * connection.
 *
 * <p>For example, with the schema of {@link SqlSchema}'s example,
 * {@code project = drm AND severity <= S3 AND ~team != bravo AND trigger =~ "^Ingress"} becomes
 * <pre>
 * ((i.project IS NOT NULL AND i.project = ?) AND (i.severity_rank IS NOT NULL AND i.severity_rank <= ?)
 *  AND NOT (EXISTS (SELECT 1 FROM alert mql1 WHERE mql1.incident_id = i.id
 *      AND EXISTS (SELECT 1 FROM alert_label mql2 WHERE mql2.alert_id = mql1.id
 *          AND mql2.name = ? AND (COALESCE(mql2.value, '') = ?))))
 *  AND (EXISTS (SELECT 1 FROM incident_trigger mql3 WHERE mql3.incident_id = i.id AND mql3.trigger REGEXP ?)))
 * </pre>
 * with parameters {@code [drm, 3, team, bravo, ^Ingress]}.
 */
public final class SqlCompiler {

    private final FieldCatalog catalog;
    private final SqlSchema schema;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private int aliases;

    private SqlCompiler(FieldCatalog catalog, SqlSchema schema) {
        this.catalog = catalog;
        this.schema = schema;
    }

    /**
     * @throws IllegalArgumentException if the query uses a field the catalog or schema lacks, or a
     *     label without label tables; never for a valid query over a complete schema
     */
    public static SqlFragment compile(Query query, FieldCatalog catalog, SqlSchema schema) {
        SqlCompiler compiler = new SqlCompiler(catalog, schema);
        if (query.expr().isEmpty()) {
            compiler.sql.append("1");
        } else {
            compiler.expr(query.expr().get());
        }
        return new SqlFragment(compiler.sql.toString(), compiler.parameters);
    }

    private void expr(Expr expr) {
        if (expr instanceof Expr.And and) {
            joined(and.operands(), " AND ");
        } else if (expr instanceof Expr.Or or) {
            joined(or.operands(), " OR ");
        } else if (expr instanceof Expr.Not not) {
            sql.append("NOT ");
            parenthesized(not.operand());
        } else {
            Expr.Match match = (Expr.Match) expr;
            if (match.op().negated()) {
                sql.append("NOT ");
                sql.append('(');
                match(match, match.op().positive());
                sql.append(')');
            } else {
                match(match, match.op());
            }
        }
    }

    private void joined(List<Expr> operands, String keyword) {
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(keyword);
            }
            expr(operands.get(i));
        }
        sql.append(')');
    }

    private void parenthesized(Expr expr) {
        sql.append('(');
        expr(expr);
        sql.append(')');
    }

    private void match(Expr.Match match, Operator op) {
        String name = match.ref().name();
        if (match.ref() instanceof Ref.Label) {
            label(name, op, match.value());
            return;
        }
        FieldSpec spec = catalog.field(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name + "'"));
        if (spec.kind().ordered()) {
            ordered(spec, op, match.value());
            return;
        }
        if (op.ordering()) {
            throw new IllegalArgumentException("field is not ordered: " + match);
        }
        var column = schema.column(name);
        if (column.isPresent()) {
            if (op == Operator.EQ && !match.value().isEmpty()) {
                // Same answer as COALESCE(column, '') = ?, but a plain comparison lets SQLite use an index.
                sql.append('(').append(column.get()).append(" IS NOT NULL AND ").append(column.get()).append(" = ?)");
                parameters.add(match.value());
                return;
            }
            sql.append("COALESCE(").append(column.get()).append(", '')");
            comparison(op, match.value());
            return;
        }
        SqlSchema.ValueTable table = schema.valueTable(name)
                .orElseThrow(() -> new IllegalArgumentException("no column or table for field '" + name + "'"));
        String alias = alias();
        String rows = " FROM " + table.table() + " " + alias + " WHERE " + alias + "." + table.subjectColumn()
                + " = " + schema.subjectId();
        sql.append("(EXISTS (SELECT 1").append(rows).append(" AND ").append(alias).append('.')
                .append(table.valueColumn());
        comparison(op, match.value());
        sql.append(')');
        if (matchesEmpty(op, match.value())) {
            sql.append(" OR NOT EXISTS (SELECT 1").append(rows).append(')');
        }
        sql.append(')');
    }

    private void ordered(FieldSpec spec, Operator op, String value) {
        if (op.regex()) {
            throw new IllegalArgumentException("regular expressions do not apply to ordered field " + spec.name());
        }
        String column = schema.column(spec.name())
                .orElseThrow(() -> new IllegalArgumentException("no column for field '" + spec.name() + "'"));
        long bound = spec.kind().ordinal(value)
                .orElseThrow(() -> new IllegalArgumentException("invalid value for " + spec.name() + ": " + value));
        sql.append('(').append(column).append(" IS NOT NULL AND ").append(column).append(' ').append(op.symbol())
                .append(" ?)");
        parameters.add(bound);
    }

    private void label(String name, Operator op, String value) {
        if (op.ordering()) {
            throw new IllegalArgumentException("labels are not ordered: ~" + name);
        }
        SqlSchema.LabelTables t = schema.labels()
                .orElseThrow(() -> new IllegalArgumentException("the schema has no label tables for ~" + name));
        String alert = alias();
        String label = alias();
        sql.append("EXISTS (SELECT 1 FROM ").append(t.alertTable()).append(' ').append(alert)
                .append(" WHERE ").append(alert).append('.').append(t.alertSubjectColumn()).append(" = ")
                .append(schema.subjectId()).append(" AND ");
        // An alert's value is its label's value, or "" without the label; each alert has one value.
        boolean emptyMatches = matchesEmpty(op, value);
        sql.append(emptyMatches ? "NOT EXISTS" : "EXISTS").append(" (SELECT 1 FROM ").append(t.labelTable())
                .append(' ').append(label).append(" WHERE ").append(label).append('.').append(t.labelAlertColumn())
                .append(" = ").append(alert).append('.').append(t.alertIdColumn()).append(" AND ").append(label)
                .append('.').append(t.nameColumn()).append(" = ?");
        parameters.add(name);
        sql.append(emptyMatches ? " AND NOT (" : " AND (").append("COALESCE(").append(label).append('.')
                .append(t.valueColumn()).append(", '')");
        comparison(op, value);
        sql.append(")))");
    }

    private void comparison(Operator op, String value) {
        sql.append(op == Operator.MATCHES ? " REGEXP ?" : " = ?");
        parameters.add(value);
    }

    private static boolean matchesEmpty(Operator op, String value) {
        return op == Operator.MATCHES ? Pattern.compile(value).matcher("").find() : value.isEmpty();
    }

    private String alias() {
        return "mql" + (++aliases);
    }
}
