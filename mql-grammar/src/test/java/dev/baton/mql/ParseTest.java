package dev.baton.mql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Operator;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.ast.RoutingRule;
import dev.baton.mql.ast.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParseTest {

    private final Mql mql = Mql.forIncidents();

    private Expr expr(String text) {
        ParseResult<Query> result = mql.parse(text);
        assertTrue(result.ok(), () -> text + " -> " + result.problems());
        return result.value().expr().orElseThrow();
    }

    private static Expr.Match field(String name, Operator op, String value) {
        return new Expr.Match(new Ref.Field(name), op, value);
    }

    private static Expr.Match label(String name, Operator op, String value) {
        return new Expr.Match(new Ref.Label(name), op, value);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            trigger = "IngressResponses5xx" AND project = "horns-and-hooves" | trigger = IngressResponses5xx AND project = horns-and-hooves
            project =~ drm and trigger =~ no-data-for                        | project =~ drm AND trigger =~ no-data-for
            project=x                                                        | project = x
            project != x                                                     | project != x
            project !~ '^x$'                                                 | project !~ ^x$
            ~team = ""                                                       | ~team = ""
            ~vhost =~ "static.example.com"                                   | ~vhost =~ static.example.com
            severity <= S3                                                   | severity <= S3
            severity < s3                                                    | severity < s3
            severity > S1                                                    | severity > S1
            severity >= S9                                                   | severity >= S9
            opened >= 2026-11-21T10:00:00Z                                   | opened >= 2026-11-21T10:00:00Z
            updated < 2026-11-21                                             | updated < 2026-11-21
            NOT project = a                                                  | NOT project = a
            not not project = a                                              | NOT NOT project = a
            project = a Or project = b oR project = c                        | project = a OR project = b OR project = c
            (project = a OR project = b) AND state = firing                  | (project = a OR project = b) AND state = firing
            project = a OR (project = b AND state = firing)                  | project = a OR project = b AND state = firing
            ((project = a))                                                  | project = a
            NOT (project = a AND state = ok)                                 | NOT (project = a AND state = ok)
            state = not                                                      | state = "not"
            summary = "say \\"hi\\""                                        | summary = "say \\"hi\\""
            summary = 'it\\'s'                                              | summary = "it's"
            summary = "a b"                                                  | summary = "a b"
            summary = "tab\\there"                                          | summary = "tab\\there"
            trigger =~ "\\d+"                                               | trigger =~ "\\\\d+"
            summary = "кириллица"                                            | summary = кириллица
            `   `                                                            | ``
            """)
    void parsesToCanonicalText(String input, String canonical) {
        String text = input;
        ParseResult<Query> result = mql.parse(text);
        assertTrue(result.ok(), () -> text + " -> " + result.problems());
        assertEquals(canonical, Mql.format(result.value()));
        assertEquals(result.value(), mql.parse(Mql.format(result.value())).value(), "parse(format(q)) == q");
    }

    @Test
    void emptyQueryMatchesEverything() {
        assertEquals(Query.ALL, mql.parse("").value());
        assertEquals(Query.ALL, mql.parse(" \n\t ").value());
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Expr a = field("project", Operator.EQ, "a");
        Expr b = field("project", Operator.EQ, "b");
        Expr c = field("project", Operator.EQ, "c");
        assertEquals(Expr.Or.of(a, Expr.And.of(b, c)), expr("project = a OR project = b AND project = c"));
        assertEquals(Expr.Or.of(Expr.And.of(a, b), c), expr("project = a AND project = b OR project = c"));
        assertEquals(Expr.And.of(new Expr.Not(a), b), expr("NOT project = a AND project = b"));
        assertEquals(Expr.Or.of(new Expr.Not(a), b), expr("not project = a or project = b"));
        assertEquals(Expr.And.of(Expr.Or.of(a, b), c), expr("(project = a OR project = b) AND project = c"));
        assertEquals(new Expr.Not(Expr.Or.of(a, b)), expr("NOT (project = a OR project = b)"));
    }

    @Test
    void everyOperatorParses() {
        assertEquals(field("project", Operator.EQ, "x"), expr("project = x"));
        assertEquals(field("project", Operator.NE, "x"), expr("project != x"));
        assertEquals(field("project", Operator.MATCHES, "x"), expr("project =~ x"));
        assertEquals(field("project", Operator.NOT_MATCHES, "x"), expr("project !~ x"));
        assertEquals(field("severity", Operator.LT, "S2"), expr("severity < S2"));
        assertEquals(field("severity", Operator.LE, "S2"), expr("severity <= S2"));
        assertEquals(field("severity", Operator.GT, "S2"), expr("severity > S2"));
        assertEquals(field("severity", Operator.GE, "S2"), expr("severity >= S2"));
        assertEquals(label("kubernetes", Operator.NE, "dev"), expr("~kubernetes != dev"));
    }

    @Test
    void productExamplesParse() {
        assertEquals(Expr.And.of(
                        field("project", Operator.EQ, "horns-and-hooves"),
                        field("trigger", Operator.EQ, "IngressResponses5xx"),
                        label("kubernetes", Operator.EQ, "msm-prod"),
                        label("vhost", Operator.MATCHES, "static.example.com")),
                expr("project = \"horns-and-hooves\" AND trigger = \"IngressResponses5xx\"\n"
                        + "  AND ~kubernetes = \"msm-prod\" and ~vhost =~ \"static.example.com\""));
        RoutingRule rule = mql.parseRule("project = \"horns-and-hooves\" AND ~kubernetes = \"dev\" -> @petr.petrov")
                .value();
        assertEquals(List.of(new Target.Person("petr.petrov")), rule.targets());
        assertEquals("project = horns-and-hooves AND ~kubernetes = dev -> @petr.petrov", Mql.format(rule));
    }

    @Test
    void routingRulesTakeSeveralTargets() {
        RoutingRule rule = mql.parseRule("~server = gitlab -> @vasiliy.vasiliyev, #bravo,@x").value();
        assertEquals(List.of(new Target.Person("vasiliy.vasiliyev"), new Target.Team("bravo"), new Target.Person("x")),
                rule.targets());
        assertEquals("~server = gitlab -> @vasiliy.vasiliyev, #bravo, @x", Mql.format(rule));
        assertEquals(rule, mql.parseRule(Mql.format(rule)).value());
        RoutingRule catchAll = mql.parseRule("-> #l1").value();
        assertEquals(Query.ALL, catchAll.query());
        assertEquals(catchAll, mql.parseRule(Mql.format(catchAll)).value());
    }

    @Test
    void queryAndRuleEntryPointsRejectTheOtherShape() {
        ParseResult<Query> query = mql.parse("project = a -> @p");
        assertFalse(query.ok());
        assertEquals("1:13: " + Mql.TARGETS_NOT_ALLOWED, query.problems().get(0).toString());
        ParseResult<RoutingRule> rule = mql.parseRule("project = a");
        assertEquals("1:12: " + Mql.TARGETS_MISSING, rule.problems().get(0).toString());
        assertTrue(mql.check("project = a").isEmpty());
        assertTrue(mql.check("project = a -> @p").isEmpty());
    }

    @Test
    void semanticProblemsAreAllReported() {
        List<Problem> problems = mql.parse("projct = a AND severity = S0 OR ~x =~ \"(\"").problems();
        assertEquals(3, problems.size(), problems::toString);
        assertEquals("1:1: unknown field 'projct' — did you mean 'project'?", problems.get(0).toString());
        assertEquals(6, problems.get(0).length());
        assertEquals("1:27: invalid value 'S0' for 'severity': expected a severity S1..S9", problems.get(1).toString());
        assertTrue(problems.get(2).toString().startsWith("1:39: invalid regular expression: Unclosed group"),
                problems.get(2)::toString);
    }

    @Test
    void catalogDecidesWhichFieldsExist() {
        Mql custom = Mql.using(dev.baton.mql.field.FieldCatalog.of(
                new dev.baton.mql.field.FieldSpec("host", dev.baton.mql.field.FieldKind.STRING, "host name")));
        assertTrue(custom.parse("host = a").ok());
        assertEquals("1:1: unknown field 'project'", custom.parse("project = a").problems().get(0).toString());
    }

    @Test
    void capsLengthAndDepth() {
        String longText = "project = " + "a".repeat(Mql.MAX_LENGTH);
        assertEquals("input is longer than 16384 characters", mql.parse(longText).problems().get(0).message());
        String deep = "(".repeat(Mql.MAX_DEPTH + 1) + "project = a" + ")".repeat(Mql.MAX_DEPTH + 1);
        assertEquals("1:33: expression is nested deeper than 32 levels", mql.parse(deep).problems().get(0).toString());
        String okDepth = "(".repeat(Mql.MAX_DEPTH) + "project = a" + ")".repeat(Mql.MAX_DEPTH);
        assertTrue(mql.parse(okDepth).ok());
        String nots = "NOT ".repeat(Mql.MAX_DEPTH + 1) + "project = a";
        assertEquals("1:129: expression is nested deeper than 32 levels", mql.parse(nots).problems().get(0).toString());
        assertTrue(mql.parse("NOT ".repeat(Mql.MAX_DEPTH) + "project = a").ok());
    }

    @Test
    void positionsCountCharactersAfterEmoji() {
        String text = "summary = \"\ud83d\ude00\" AND projct = a";
        Problem problem = mql.parse(text).problems().get(0);
        assertEquals(19, problem.offset());
        assertEquals("projct", text.substring(problem.offset(), problem.offset() + problem.length()));
        String many = "summary = \"" + "\ud83d\ude00".repeat(4000) + "\" AND projct = a";
        Problem far = mql.parse(many).problems().get(0);
        assertEquals("projct", many.substring(far.offset(), far.offset() + far.length()));
    }

    @Test
    void manyClausesStayFlat() {
        String wide = String.join(" AND ", java.util.Collections.nCopies(1000, "project = a"));
        Expr.And and = (Expr.And) expr(wide);
        assertEquals(1000, and.operands().size());
    }
}
