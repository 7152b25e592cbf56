package dev.baton.mql.complete;

import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.FieldSpec;
import dev.baton.mql.parse.Lexeme;
import dev.baton.mql.parse.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Suggests what fits at the caret of a possibly incomplete query or rule: fields, {@code ~labels},
 * NOT and '(' where a match starts; the operators a field allows after it; known values after an
 * operator; AND, OR and ')' after a match; targets after {@code ->}. Candidates starting with what
 * is typed come first, then those containing it. Thread-safe; cheap enough for every keystroke.
 */
public final class Completer {

    /** Most suggestions returned at once. */
    public static final int MAX_SUGGESTIONS = 200;

    private static final List<String> TEXT_OPERATORS = List.of("=", "!=", "=~", "!~");
    private static final List<String> ORDERED_OPERATORS = List.of("=", "!=", "<", "<=", ">", ">=");

    private final FieldCatalog catalog;
    private final Vocabulary vocabulary;

    public Completer(FieldCatalog catalog, Vocabulary vocabulary) {
        this.catalog = catalog;
        this.vocabulary = vocabulary;
    }

    private enum Expect { OPERAND, OPERATOR, VALUE, CONNECTIVE, TARGET, TARGET_SEPARATOR, NOTHING }

    /** Suggestions for {@code caret} (a character offset into {@code text}, clamped to it). */
    public Completion complete(String text, int caret) {
        int at = Math.max(0, Math.min(caret, text.length()));
        List<Lexeme> lexemes = Lexeme.of(text);
        Lexeme partial = null;
        List<Lexeme> before = new ArrayList<>();
        for (Lexeme lexeme : lexemes) {
            if (lexeme.start() < at && lexeme.end() >= at && extendable(lexeme)) {
                partial = lexeme;
                break;
            }
            if (lexeme.end() > at) {
                break;
            }
            before.add(lexeme);
        }
        int from = partial == null ? at : partial.start();
        int to = partial == null ? at : partial.end();
        String typed = partial == null ? "" : text.substring(partial.start(), at);

        Expect expect = Expect.OPERAND;
        int depth = 0;
        Lexeme ref = null;
        for (Lexeme lexeme : before) {
            Lexeme.Kind kind = lexeme.kind();
            switch (expect) {
                case OPERAND -> {
                    if (kind == Lexeme.Kind.LPAREN) {
                        depth++;
                    } else if (kind == Lexeme.Kind.WORD || kind == Lexeme.Kind.LABEL) {
                        ref = lexeme;
                        expect = Expect.OPERATOR;
                    } else if (kind == Lexeme.Kind.ARROW) {
                        expect = Expect.TARGET;
                    } else if (kind != Lexeme.Kind.NOT) {
                        expect = Expect.NOTHING;
                    }
                }
                case OPERATOR -> expect = kind == Lexeme.Kind.OPERATOR ? Expect.VALUE : Expect.NOTHING;
                case VALUE -> expect = switch (kind) {
                    case WORD, STRING, AND, OR, NOT -> Expect.CONNECTIVE;
                    default -> Expect.NOTHING;
                };
                case CONNECTIVE -> {
                    if (kind == Lexeme.Kind.AND || kind == Lexeme.Kind.OR) {
                        expect = Expect.OPERAND;
                    } else if (kind == Lexeme.Kind.RPAREN && depth > 0) {
                        depth--;
                    } else if (kind == Lexeme.Kind.ARROW) {
                        expect = Expect.TARGET;
                    } else {
                        expect = Expect.NOTHING;
                    }
                }
                case TARGET -> expect = kind == Lexeme.Kind.PERSON || kind == Lexeme.Kind.TEAM
                        ? Expect.TARGET_SEPARATOR : Expect.NOTHING;
                case TARGET_SEPARATOR -> expect = kind == Lexeme.Kind.COMMA ? Expect.TARGET : Expect.NOTHING;
                default -> {
                }
            }
            if (expect == Expect.NOTHING) {
                break;
            }
        }

        Candidates candidates = new Candidates(typed);
        switch (expect) {
            case OPERAND -> operands(candidates);
            case OPERATOR -> operators(ref, candidates);
            case VALUE -> {
                String value = partial == null ? "" : new Lexeme(partial.kind(), typed, 0, typed.length())
                        .stringValue();
                values(ref, new Candidates(value), candidates);
            }
            case CONNECTIVE -> {
                candidates.add("AND", Suggestion.Kind.KEYWORD, "both sides hold");
                candidates.add("OR", Suggestion.Kind.KEYWORD, "either side holds");
                if (depth > 0) {
                    candidates.add(")", Suggestion.Kind.PUNCTUATION, "close the group");
                }
            }
            case TARGET -> {
                vocabulary.people().forEach(p -> candidates.add("@" + p, Suggestion.Kind.TARGET, "person"));
                vocabulary.teams().forEach(t -> candidates.add("#" + t, Suggestion.Kind.TARGET, "team"));
            }
            case TARGET_SEPARATOR -> candidates.add(",", Suggestion.Kind.PUNCTUATION, "another target");
            default -> {
            }
        }
        return new Completion(from, to, candidates.result());
    }

    private void operands(Candidates candidates) {
        for (FieldSpec field : catalog.fields()) {
            candidates.add(field.name(), Suggestion.Kind.FIELD, field.description());
        }
        for (String label : vocabulary.labelNames()) {
            candidates.add("~" + label, Suggestion.Kind.LABEL, "label");
        }
        candidates.add("NOT", Suggestion.Kind.KEYWORD, "negate what follows");
        candidates.add("(", Suggestion.Kind.PUNCTUATION, "group");
    }

    private void operators(Lexeme ref, Candidates candidates) {
        Optional<FieldSpec> field = ref.kind() == Lexeme.Kind.WORD ? catalog.field(ref.text()) : Optional.empty();
        boolean ordered = field.map(f -> f.kind().ordered()).orElse(false);
        for (String op : ordered ? ORDERED_OPERATORS : TEXT_OPERATORS) {
            candidates.add(op, Suggestion.Kind.OPERATOR, operatorDetail(op));
        }
    }

    private void values(Lexeme ref, Candidates byValue, Candidates out) {
        Set<String> values = new LinkedHashSet<>();
        if (ref.kind() == Lexeme.Kind.LABEL) {
            values.addAll(vocabulary.labelValues(ref.text().substring(1)));
        } else {
            catalog.field(ref.text()).ifPresent(f -> values.addAll(f.knownValues()));
            values.addAll(vocabulary.fieldValues(ref.text()));
        }
        for (String value : values) {
            byValue.add(value, Suggestion.Kind.VALUE, "");
        }
        for (Suggestion suggestion : byValue.result()) {
            out.addMatched(new Suggestion(Values.write(suggestion.text()), Suggestion.Kind.VALUE, ""));
        }
    }

    private static String operatorDetail(String op) {
        return switch (op) {
            case "=" -> "equals";
            case "!=" -> "does not equal";
            case "=~" -> "regular expression matches anywhere";
            case "!~" -> "regular expression does not match";
            case "<" -> "less than (S1 < S2: more severe)";
            case "<=" -> "less than or equal";
            case ">" -> "greater than";
            default -> "greater than or equal";
        };
    }

    private static boolean extendable(Lexeme lexeme) {
        return switch (lexeme.kind()) {
            case LPAREN, RPAREN, COMMA, ARROW -> false;
            default -> true;
        };
    }

    /** Collects candidates matching what was typed: prefix matches first, then substring matches. */
    private static final class Candidates {
        private final String typed;
        private final List<Suggestion> prefixed = new ArrayList<>();
        private final List<Suggestion> containing = new ArrayList<>();

        Candidates(String typed) {
            this.typed = typed.toLowerCase(Locale.ROOT);
        }

        void add(String text, Suggestion.Kind kind, String detail) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith(typed)) {
                prefixed.add(new Suggestion(text, kind, detail));
            } else if (typed.length() > 1 && lower.startsWith(typed.substring(0, 1).equals("~") ? "~" : "")
                    && lower.contains(typed.startsWith("~") ? typed.substring(1) : typed)) {
                containing.add(new Suggestion(text, kind, detail));
            }
        }

        void addMatched(Suggestion suggestion) {
            prefixed.add(suggestion);
        }

        List<Suggestion> result() {
            List<Suggestion> all = new ArrayList<>(prefixed);
            all.addAll(containing);
            return all.size() > MAX_SUGGESTIONS ? all.subList(0, MAX_SUGGESTIONS) : all;
        }
    }
}
