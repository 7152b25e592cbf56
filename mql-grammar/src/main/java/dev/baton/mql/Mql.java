package dev.baton.mql;

import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.RoutingRule;
import dev.baton.mql.complete.Completer;
import dev.baton.mql.complete.Vocabulary;
import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.PredicateCompiler;
import dev.baton.mql.eval.Subject;
import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.IncidentFields;
import dev.baton.mql.parse.Formatter;
import dev.baton.mql.parse.Statement;
import dev.baton.mql.parse.StatementParser;
import dev.baton.mql.sql.SqlCompiler;
import dev.baton.mql.sql.SqlFragment;
import dev.baton.mql.sql.SqlSchema;
import java.util.List;
import java.util.Objects;

/**
 * MQL's entry point: parse queries and routing rules against a field catalog, and format them
 * back to canonical text. Parsing never throws for any input: every mistake comes back as a
 * {@link Problem} with line, column and a plain message. Instances are immutable and thread-safe.
 */
public final class Mql {

    /** Longest accepted input, in characters. */
    public static final int MAX_LENGTH = StatementParser.MAX_LENGTH;
    /** Deepest accepted nesting of parentheses and NOTs. */
    public static final int MAX_DEPTH = StatementParser.MAX_DEPTH;

    static final String TARGETS_NOT_ALLOWED = "routing targets ('->') are not allowed in a query";
    static final String TARGETS_MISSING = "expected '->' and at least one target (@person or #team)";

    private static final Mql INCIDENTS = new Mql(IncidentFields.CATALOG);

    private final FieldCatalog catalog;
    private final StatementParser parser;

    private Mql(FieldCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.parser = new StatementParser(catalog);
    }

    /** MQL over the given built-in fields. */
    public static Mql using(FieldCatalog catalog) {
        return new Mql(catalog);
    }

    /** MQL over Baton's incident fields ({@link IncidentFields#CATALOG}). */
    public static Mql forIncidents() {
        return INCIDENTS;
    }

    public FieldCatalog catalog() {
        return catalog;
    }

    /** A query; {@code ->} targets are a problem here. The empty (or blank) query matches everything. */
    public ParseResult<Query> parse(String text) {
        ParseResult<Statement> statement = parser.parse(text);
        if (!statement.ok()) {
            return ParseResult.failure(statement.problems());
        }
        Statement s = statement.value();
        if (s.arrowOffset() >= 0) {
            return ParseResult.failure(List.of(Problem.at(text, s.arrowOffset(), 2, TARGETS_NOT_ALLOWED)));
        }
        return ParseResult.success(s.query());
    }

    /** A routing rule: a query followed by {@code -> @person} / {@code -> #team}, comma-separated. */
    public ParseResult<RoutingRule> parseRule(String text) {
        ParseResult<Statement> statement = parser.parse(text);
        if (!statement.ok()) {
            return ParseResult.failure(statement.problems());
        }
        Statement s = statement.value();
        if (s.targets().isEmpty()) {
            return ParseResult.failure(List.of(Problem.at(text, s.end(), 0, TARGETS_MISSING)));
        }
        return ParseResult.success(new RoutingRule(s.query(), s.targets()));
    }

    /** The problems of a query or a routing rule (whichever the text is); empty when it is valid. */
    public List<Problem> check(String text) {
        return parser.parse(text).problems();
    }

    /** An in-memory predicate for a query parsed by this instance; see {@link PredicateCompiler}. */
    public CompiledQuery predicate(Query query) {
        return PredicateCompiler.compile(query, catalog);
    }

    /** A parameterized SQLite WHERE condition for a query parsed by this instance; see {@link SqlCompiler}. */
    public SqlFragment sql(Query query, SqlSchema schema) {
        return SqlCompiler.compile(query, catalog, schema);
    }

    /** Completion over this instance's fields plus the caller's live vocabulary. */
    public Completer completer(Vocabulary vocabulary) {
        return new Completer(catalog, vocabulary);
    }

    /** A builder of subjects over this instance's fields. */
    public Subject.Builder subject() {
        return Subject.builder(catalog);
    }

    /** Canonical text: {@code parse(format(q))} gives back {@code q}. */
    public static String format(Query query) {
        return Formatter.format(query);
    }

    /** Canonical text of a rule: {@code parseRule(format(r))} gives back {@code r}. */
    public static String format(RoutingRule rule) {
        return Formatter.format(rule);
    }
}
