package dev.baton.mql.parse;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** The fixed wording of MQL's syntax errors, chosen from what the parser found and expected. */
final class ErrorMessages {

    static final String UNTERMINATED = "unterminated string: the closing quote is missing";
    static final String LABEL_NAME = "expected a label name after '~' (letters, digits, _)";
    static final String TARGET_NAME = "expected a name after '%s'";
    static final String BANG = "unexpected character '!': did you mean '!=' or '!~'?";
    static final String AMPERSAND = "unexpected character '&': combine matches with AND";
    static final String UNEXPECTED_CHAR = "unexpected character '%s'";
    static final String UNMATCHED_RPAREN = "unmatched ')'";
    static final String EXPECTED = "expected %s%s, found %s";

    private ErrorMessages() {
    }

    static String syntax(Token offending, Token previous, IntervalSet expected) {
        switch (offending.getType()) {
            case MqlLexer.UNTERMINATED:
                return UNTERMINATED;
            case MqlLexer.UNEXPECTED:
                return unexpectedCharacter(offending.getText());
            default:
                break;
        }
        String after = previous == null ? "" : " after " + quote(previous.getText());
        String what;
        if (expected.contains(MqlLexer.LABEL) || expected.contains(MqlLexer.LPAREN)) {
            what = "a field, a ~label, NOT or '('";
        } else if (expected.contains(MqlLexer.EQ)) {
            what = "an operator (=, !=, =~, !~, <, <=, >, >=)";
        } else if (expected.contains(MqlLexer.STRING)) {
            what = "a value";
        } else if (expected.contains(MqlLexer.PERSON)) {
            what = "a target (@person or #team)";
        } else if (expected.contains(MqlLexer.RPAREN)) {
            what = "AND, OR or ')'";
            after = "";
        } else if (expected.contains(MqlLexer.COMMA)) {
            what = "',' or end of input";
            after = "";
        } else {
            if (offending.getType() == MqlLexer.RPAREN) {
                return UNMATCHED_RPAREN;
            }
            what = "AND, OR, '->' or end of input";
            after = "";
        }
        return String.format(EXPECTED, what, after, describe(offending));
    }

    private static String unexpectedCharacter(String text) {
        return switch (text) {
            case "~" -> LABEL_NAME;
            case "@", "#" -> String.format(TARGET_NAME, text);
            case "!" -> BANG;
            case "&" -> AMPERSAND;
            default -> String.format(UNEXPECTED_CHAR, printable(text));
        };
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of input";
        }
        return quote(token.getText());
    }

    private static String quote(String text) {
        String shown = text.length() > 24 ? text.substring(0, 21) + "..." : text;
        return "'" + shown + "'";
    }

    private static String printable(String text) {
        int c = text.codePointAt(0);
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", c) : text;
    }
}
