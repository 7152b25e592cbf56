package dev.baton.mql.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.Mql;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompleterTest {

    private static final Vocabulary VOCABULARY = new Vocabulary() {
        @Override
        public List<String> labelNames() {
            return List.of("kubernetes", "team", "vhost");
        }

        @Override
        public List<String> labelValues(String label) {
            return Map.of("kubernetes", List.of("msm-prod", "dev", "dev cluster")).getOrDefault(label, List.of());
        }

        @Override
        public List<String> fieldValues(String field) {
            return field.equals("project") ? List.of("horns-and-hooves", "drm-stat", "charlie") : List.of();
        }

        @Override
        public List<String> people() {
            return List.of("petr.petrov", "vasiliy.vasiliyev");
        }

        @Override
        public List<String> teams() {
            return List.of("l1", "bravo");
        }
    };

    private final Completer completer = Mql.forIncidents().completer(VOCABULARY);

    /** Completes at the '|' in {@code marked}. */
    private Completion complete(String marked) {
        int caret = marked.indexOf('|');
        return completer.complete(marked.replace("|", ""), caret);
    }

    private static List<String> texts(Completion completion) {
        return completion.suggestions().stream().map(Suggestion::text).toList();
    }

    @Test
    void emptyInputOffersFieldsLabelsNotAndParenthesis() {
        Completion completion = complete("|");
        List<String> texts = texts(completion);
        assertEquals("project", texts.get(0));
        assertTrue(texts.containsAll(List.of("trigger", "severity", "~kubernetes", "~team", "NOT", "(")), texts::toString);
        assertEquals(0, completion.from());
        assertEquals(0, completion.to());
    }

    @Test
    void partialFieldIsReplacedWhole() {
        Completion completion = complete("pro|jx = a");
        assertEquals(List.of("project"), texts(completion).subList(0, 1));
        assertEquals(0, completion.from());
        assertEquals(5, completion.to());
        assertEquals("project = a", completion.apply("projx = a", completion.suggestions().get(0)));
    }

    @Test
    void substringMatchesComeAfterPrefixMatches() {
        assertEquals(List.of("state", "status"), texts(complete("project = a AND sta|")));
        assertEquals(List.of("state", "updated"), texts(complete("ate|")));
        assertEquals(List.of("drm-stat"), texts(complete("project = d|")));
        assertEquals(List.of("S1", "S2"), texts(complete("severity = s|")).subList(0, 2));
        assertEquals(List.of("charlie"), texts(complete("project = arl|")));
    }

    @Test
    void labelsAfterTilde() {
        Completion completion = complete("project = a AND ~k|");
        assertEquals(List.of("~kubernetes"), texts(completion));
        assertEquals(16, completion.from());
        assertEquals(List.of("~kubernetes", "~team", "~vhost"), texts(complete("~|")));
    }

    @Test
    void operatorsDependOnTheFieldKind() {
        assertEquals(List.of("=", "!=", "=~", "!~"), texts(complete("project |")));
        assertEquals(List.of("=", "!=", "<", "<=", ">", ">="), texts(complete("severity |")));
        assertEquals(List.of("=", "=~"), texts(complete("~team =|")));
        assertEquals(List.of("!=", "!~"), texts(complete("project !|")));
    }

    @Test
    void valuesForFieldsAndLabels() {
        assertEquals(List.of("horns-and-hooves", "drm-stat", "charlie"), texts(complete("project = |")));
        assertEquals(List.of("drm-stat"), texts(complete("project = dr|")));
        assertEquals(List.of("firing", "pending", "ok", "unknown"), texts(complete("state != |")));
        assertEquals(List.of("S1", "S2", "S3"), texts(complete("severity <= |")).subList(0, 3));
        assertEquals(List.of("dev", "\"dev cluster\""), texts(complete("~kubernetes = de|")));
        Completion quoted = complete("~kubernetes = \"dev c|");
        assertEquals(List.of("\"dev cluster\""), texts(quoted));
        assertEquals(14, quoted.from());
    }

    @Test
    void connectivesAfterAMatch() {
        assertEquals(List.of("AND", "OR"), texts(complete("project = a |")));
        assertEquals(List.of("AND", "OR", ")"), texts(complete("(project = a |")));
        assertEquals(List.of("OR"), texts(complete("project = a o|")));
    }

    @Test
    void targetsAfterArrow() {
        assertEquals(List.of("@petr.petrov", "@vasiliy.vasiliyev", "#l1", "#bravo"),
                texts(complete("project = a -> |")));
        assertEquals(List.of("#l1", "#bravo"), texts(complete("project = a -> @petr.petrov, #|")));
        assertEquals(List.of(","), texts(complete("project = a -> @petr.petrov |")));
    }

    @Test
    void nothingAfterNonsense() {
        assertEquals(List.of(), texts(complete("project = a b |")));
    }

    @Test
    void neverFailsOnAnyTextOrCaret() {
        Random random = new Random(5);
        String alphabet = "ab~@#\"'\\()=!<>-, \n\tANDORNOT";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Completion completion = completer.complete(text.toString(), random.nextInt(length + 3) - 1);
            assertTrue(completion.from() <= completion.to() && completion.to() <= text.length(), text::toString);
        }
    }
}
