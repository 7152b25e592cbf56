package dev.baton.mql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.RoutingRule;
import dev.baton.mql.complete.Vocabulary;
import dev.baton.mql.eval.Subject;
import dev.baton.mql.sql.SqlFragment;
import dev.baton.mql.sql.SqlSchema;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random strings and mutations of valid queries: whatever comes in, the parser answers with a
 * query or with problems worded as documented (docs/mql.md, "Error messages"), positioned inside
 * the input; valid results survive formatting and both compilers. The timeout only guards against
 * a hang: the work is a fixed number of inputs.
 */
class FuzzTest {

    private static final int INPUTS = 120_000;

    private static final List<Pattern> DOCUMENTED = patterns(
            "unknown field '.*'( — did you mean '.*'\\?)?",
            "expected (a field, a ~label, NOT or '\\('|an operator \\(=, !=, =~, !~, <, <=, >, >=\\)|a value"
                    + "|a target \\(@person or #team\\)|AND, OR or '\\)'|',' or end of input"
                    + "|AND, OR, '->' or end of input)( after '.*')?, found (end of input|'.*')",
            "unterminated string: the closing quote is missing",
            "expected a label name after '~' \\(letters, digits, _\\)",
            "expected a name after '[@#]'",
            "unexpected character '!': did you mean '!=' or '!~'\\?",
            "unexpected character '&': combine matches with AND",
            "unexpected character '(.|\\\\u[0-9a-f]{4})'",
            "unmatched '\\)'",
            "operator '(<|<=|>|>=)' applies only to ordered fields \\(severity, opened, updated\\)",
            "operator '(=~|!~)' does not apply to ordered field '(severity|opened|updated)'; use =, !=, <, <=, >, >=",
            "invalid value '.*' for '(severity|opened|updated)': expected .*",
            "invalid regular expression: .*",
            "expression is nested deeper than 32 levels",
            "input is longer than 16384 characters",
            Pattern.quote(Mql.TARGETS_NOT_ALLOWED),
            Pattern.quote(Mql.TARGETS_MISSING));

    private static final List<String> SEEDS = List.of(
            "trigger = \"IngressResponses5xx\" AND project = \"horns-and-hooves\"",
            "project = \"horns-and-hooves\" AND trigger = \"IngressResponses5xx\"\n"
                    + "  AND ~kubernetes = \"msm-prod\" and ~vhost =~ \"static.example.com\"",
            "project =~ drm and trigger =~ no-data-for",
            "project = \"horns-and-hooves\" AND ~kubernetes = \"dev\" -> @petr.petrov",
            "NOT (severity <= S3 OR opened > 2026-11-21T10:00:00Z) and ~team != '' -> #bravo, @a.b",
            "state = firing or (status != closed and assignee =~ '^v\\\\w+$')",
            "");

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzSANDORNOT0123456789 _.-:/*+?^$%|[]{}()~@#,=!<>\"'\\\n\t"
            + "\u0000\u00e9\u0416\u200b\ud83d\ude00";
    private static final String[] PIECES = {" AND ", " OR ", " NOT ", "(", ")", "~", "=~", "!=", "<=", "->", "@x",
            "#t", ",", "\"", "'", "\\", "severity", "opened", "S0", "S9", "project", "\n", "((((((((", "[", "*+"};

    private final Mql mql = Mql.forIncidents();
    private final Subject subject = mql.subject().field("project", "horns").field("severity", "S2")
            .field("trigger", "a", "no-data-for").alert(Map.of("kubernetes", "dev", "team", "x")).build();
    private final SqlSchema schema = SqlSchema.builder("i.id").column("project", "i.project")
            .column("severity", "i.severity").column("state", "i.state").column("status", "i.status")
            .column("assignee", "i.assignee").column("holder", "i.holder").column("class", "i.class")
            .column("service_level", "i.service_level").column("summary", "i.summary")
            .column("opened", "i.opened").column("updated", "i.updated")
            .valueTable("trigger", "t", "incident_id", "value").valueTable("source", "s", "incident_id", "value")
            .labels("alert", "id", "incident_id", "alert_label", "alert_id", "name", "value").build();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void onlyDocumentedProblemsComeOut() {
        Random random = new Random(Long.getLong("fuzz.seed", 20261121L));
        int valid = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = switch (i % 4) {
                case 0 -> randomString(random);
                case 1 -> pieces(random);
                default -> mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
            };
            if (i % 10_000 == 0) {
                input = i % 20_000 == 0 ? "(".repeat(5_000) + input : "x".repeat(Mql.MAX_LENGTH) + input;
            }
            if (check(input)) {
                valid++;
            }
        }
        assertTrue(valid > INPUTS / 50, "mutations should keep some inputs valid: " + valid);
    }

    private boolean check(String input) {
        ParseResult<Query> query;
        ParseResult<RoutingRule> rule;
        try {
            query = mql.parse(input);
            rule = mql.parseRule(input);
            mql.completer(Vocabulary.NONE).complete(input, input.length() / 2);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("threw on " + printable(input), e);
        }
        for (ParseResult<?> result : List.of(query, rule)) {
            for (Problem problem : result.problems()) {
                assertTrue(DOCUMENTED.stream().anyMatch(p -> p.matcher(problem.message()).matches()),
                        () -> "undocumented message '" + problem.message() + "' for " + printable(input));
                assertTrue(problem.offset() <= input.length() && problem.offset() + problem.length() <= input.length(),
                        () -> "problem outside the input: " + problem + " for " + printable(input));
                assertEquals(Problem.at(input, problem.offset(), 0, "").line(), problem.line());
            }
        }
        if (query.ok()) {
            Query q = query.value();
            assertEquals(q, mql.parse(Mql.format(q)).value(), () -> "round trip of " + printable(input));
            mql.predicate(q).test(subject);
            SqlFragment sql = mql.sql(q, schema);
            long placeholders = sql.sql().chars().filter(c -> c == '?').count();
            assertEquals(sql.parameters().size(), placeholders, sql::sql);
        }
        if (rule.ok()) {
            assertEquals(rule.value(), mql.parseRule(Mql.format(rule.value())).value());
        }
        return query.ok() || rule.ok();
    }

    private static String randomString(Random random) {
        int length = random.nextInt(40);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String pieces(Random random) {
        StringBuilder out = new StringBuilder();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextBoolean()) {
                out.append((char) ('a' + random.nextInt(3)));
            }
        }
        return out.toString();
    }

    private static String mutate(Random random, String seed) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 3 -> text.setLength(at);
                case 4 -> {
                    int end = Math.min(text.length(), at + random.nextInt(12));
                    text.insert(at, text.substring(at, end));
                }
                default -> {
                    if (at + 1 < text.length()) {
                        char c = text.charAt(at);
                        text.setCharAt(at, text.charAt(at + 1));
                        text.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return text.toString();
    }

    private static String printable(String input) {
        String shown = input.length() > 200 ? input.substring(0, 200) + "..." : input;
        return '"' + shown.replace("\n", "\\n") + '"';
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.DOTALL)).toList();
    }

}
