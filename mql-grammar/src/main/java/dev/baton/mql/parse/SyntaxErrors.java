package dev.baton.mql.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops the parser at the first syntax error and remembers what was found and what was expected;
 * {@link ErrorMessages} turns that into one of MQL's fixed messages. No recovery: a second error
 * after a guessed repair confuses more than it helps.
 */
final class SyntaxErrors extends DefaultErrorStrategy {

    /** Unwinds the parser once the first error is recorded. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    record FirstError(Token offending, IntervalSet expected) {
    }

    private FirstError first;

    FirstError first() {
        return first;
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        record(parser, e.getOffendingToken() != null ? e.getOffendingToken() : parser.getCurrentToken());
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
        throw new Stop();
    }

    @Override
    public Token recoverInline(Parser parser) {
        record(parser, parser.getCurrentToken());
        throw new Stop();
    }

    @Override
    public void sync(Parser parser) {
        ATNState state = parser.getInterpreter().atn.states.get(parser.getState());
        IntervalSet next = parser.getATN().nextTokens(state);
        int lookahead = parser.getInputStream().LA(1);
        if (next.contains(lookahead) || next.contains(Token.EPSILON)) {
            return;
        }
        record(parser, parser.getCurrentToken());
        throw new Stop();
    }

    private void record(Parser parser, Token offending) {
        if (first == null) {
            first = new FirstError(offending, parser.getExpectedTokens());
        }
    }
}
