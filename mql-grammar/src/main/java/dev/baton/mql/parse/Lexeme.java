package dev.baton.mql.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * One token of MQL text, for tools that work on incomplete input (completion, highlighting).
 * {@code start} and {@code end} are character offsets, end exclusive.
 */
public record Lexeme(Kind kind, String text, int start, int end) {

    public enum Kind {
        WORD, LABEL, AND, OR, NOT, OPERATOR, STRING, UNTERMINATED_STRING, LPAREN, RPAREN, ARROW, COMMA,
        PERSON, TEAM, UNEXPECTED
    }

    /** The tokens of {@code text}, whitespace dropped; never fails, whatever the text. */
    public static List<Lexeme> of(String text) {
        String capped = text.length() > StatementParser.MAX_LENGTH ? text.substring(0, StatementParser.MAX_LENGTH)
                : text;
        List<Lexeme> lexemes = new ArrayList<>();
        MqlLexer lexer = StatementParser.lexer(capped);
        CodePoints codePoints = new CodePoints(capped);
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int start = codePoints.charOffset(token.getStartIndex());
            int end = codePoints.charOffset(token.getStopIndex() + 1);
            lexemes.add(new Lexeme(kind(token.getType()), capped.substring(start, end), start, end));
        }
        return lexemes;
    }

    /** The value a STRING lexeme stands for, or the text after the quote of an unterminated one. */
    public String stringValue() {
        return switch (kind) {
            case STRING -> Values.unquote(text);
            case UNTERMINATED_STRING -> Values.unquote(text + text.charAt(0));
            default -> text;
        };
    }

    private static Kind kind(int type) {
        return switch (type) {
            case MqlLexer.WORD -> Kind.WORD;
            case MqlLexer.LABEL -> Kind.LABEL;
            case MqlLexer.AND -> Kind.AND;
            case MqlLexer.OR -> Kind.OR;
            case MqlLexer.NOT -> Kind.NOT;
            case MqlLexer.EQ, MqlLexer.NE, MqlLexer.RE, MqlLexer.NRE, MqlLexer.LT, MqlLexer.LE, MqlLexer.GT,
                    MqlLexer.GE -> Kind.OPERATOR;
            case MqlLexer.STRING -> Kind.STRING;
            case MqlLexer.UNTERMINATED -> Kind.UNTERMINATED_STRING;
            case MqlLexer.LPAREN -> Kind.LPAREN;
            case MqlLexer.RPAREN -> Kind.RPAREN;
            case MqlLexer.ARROW -> Kind.ARROW;
            case MqlLexer.COMMA -> Kind.COMMA;
            case MqlLexer.PERSON -> Kind.PERSON;
            case MqlLexer.TEAM -> Kind.TEAM;
            default -> Kind.UNEXPECTED;
        };
    }
}
