package dev.baton.mql.parse;

import dev.baton.mql.ParseResult;
import dev.baton.mql.Problem;
import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Operator;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.ast.Target;
import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.FieldKind;
import dev.baton.mql.field.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns text into a {@link Statement} or problems. Syntax is checked by the ANTLR parser (SLL
 * first, full LL only when SLL fails); names, operators and values are then checked against the
 * caller's field catalog, collecting every problem found.
 */
public final class StatementParser {

    /** Longest accepted input, in characters. */
    public static final int MAX_LENGTH = 16_384;
    /** Deepest accepted nesting of parentheses and NOTs. */
    public static final int MAX_DEPTH = 32;

    private final FieldCatalog catalog;

    public StatementParser(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    public ParseResult<Statement> parse(String text) {
        try {
            return parseWithinLimits(text);
        } catch (RuntimeException e) {
            // A bug, not the input's fault; still an answer rather than an exception for the caller.
            return fail(Problem.at(text, 0, 0, "internal error while parsing, please report: " + e));
        }
    }

    private ParseResult<Statement> parseWithinLimits(String text) {
        if (text.length() > MAX_LENGTH) {
            return fail(Problem.at(text, MAX_LENGTH, 0, "input is longer than " + MAX_LENGTH + " characters"));
        }
        Positions positions = new Positions(text);
        CommonTokenStream tokens = new CommonTokenStream(lexer(text));
        tokens.fill();
        Problem tooDeep = checkParenDepth(tokens.getTokens(), positions);
        if (tooDeep != null) {
            return fail(tooDeep);
        }
        MqlParser.StatementContext tree = parseTree(tokens, PredictionMode.SLL);
        if (tree == null) {
            tokens.seek(0);
            SyntaxErrors errors = new SyntaxErrors();
            tree = parseTree(tokens, PredictionMode.LL, errors);
            if (tree == null) {
                return fail(syntaxProblem(errors.first(), tokens, positions));
            }
        }
        return new Builder(positions).statement(tree);
    }

    static MqlLexer lexer(String text) {
        MqlLexer lexer = new MqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer;
    }

    private static MqlParser.StatementContext parseTree(CommonTokenStream tokens, PredictionMode mode) {
        return parseTree(tokens, mode, new SyntaxErrors());
    }

    private static MqlParser.StatementContext parseTree(CommonTokenStream tokens, PredictionMode mode,
            SyntaxErrors errors) {
        MqlParser parser = new MqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(errors);
        parser.getInterpreter().setPredictionMode(mode);
        try {
            return parser.statement();
        } catch (SyntaxErrors.Stop stop) {
            return null;
        }
    }

    private static Problem syntaxProblem(SyntaxErrors.FirstError error, CommonTokenStream tokens,
            Positions positions) {
        Token offending = error.offending();
        Token previous = null;
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                previous = candidate;
                break;
            }
        }
        String message = ErrorMessages.syntax(offending, previous, error.expected());
        return positions.problem(offending, message);
    }

    private static Problem checkParenDepth(List<Token> tokens, Positions positions) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.getType() == MqlLexer.LPAREN && ++depth > MAX_DEPTH) {
                return positions.problem(token, "expression is nested deeper than " + MAX_DEPTH + " levels");
            } else if (token.getType() == MqlLexer.RPAREN) {
                depth = Math.max(0, depth - 1);
            }
        }
        return null;
    }

    private static ParseResult<Statement> fail(Problem problem) {
        return ParseResult.failure(List.of(problem));
    }

    /** Character offsets of tokens: ANTLR counts code points, Java strings count UTF-16 units. */
    private static final class Positions {
        private final String text;
        private final CodePoints codePoints;

        Positions(String text) {
            this.text = text;
            this.codePoints = new CodePoints(text);
        }

        int offset(int codePointIndex) {
            return codePoints.charOffset(codePointIndex);
        }

        Problem problem(Token token, String message) {
            if (token.getType() == Token.EOF) {
                return Problem.at(text, text.length(), 0, message);
            }
            int start = offset(token.getStartIndex());
            int end = offset(token.getStopIndex() + 1);
            return Problem.at(text, start, end - start, message);
        }

        String text() {
            return text;
        }
    }

    /** Builds the syntax tree from a parse tree without syntax errors, checking it against the catalog. */
    private final class Builder {
        private final Positions positions;
        private final List<Problem> problems = new ArrayList<>();
        private boolean tooDeep;

        Builder(Positions positions) {
            this.positions = positions;
        }

        ParseResult<Statement> statement(MqlParser.StatementContext ctx) {
            Query query = ctx.orExpr() == null ? Query.ALL : Query.of(or(ctx.orExpr(), 0));
            List<Target> targets = new ArrayList<>();
            for (MqlParser.TargetContext target : ctx.target()) {
                String name = target.getText().substring(1);
                targets.add(target.PERSON() != null ? new Target.Person(name) : new Target.Team(name));
            }
            if (!problems.isEmpty()) {
                return ParseResult.failure(problems);
            }
            int arrow = ctx.ARROW() == null ? -1 : positions.offset(ctx.ARROW().getSymbol().getStartIndex());
            return ParseResult.success(new Statement(query, targets, arrow, positions.text().length()));
        }

        private Expr or(MqlParser.OrExprContext ctx, int depth) {
            List<Expr> operands = new ArrayList<>();
            for (MqlParser.AndExprContext and : ctx.andExpr()) {
                operands.add(and(and, depth));
            }
            return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
        }

        private Expr and(MqlParser.AndExprContext ctx, int depth) {
            List<Expr> operands = new ArrayList<>();
            for (MqlParser.NotExprContext not : ctx.notExpr()) {
                operands.add(not(not, depth));
            }
            return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
        }

        private Expr not(MqlParser.NotExprContext ctx, int depth) {
            List<TerminalNode> nots = ctx.NOT();
            int innerDepth = depth + nots.size();
            if (innerDepth > MAX_DEPTH && !tooDeep) {
                tooDeep = true;
                Token at = depth >= MAX_DEPTH ? ctx.getStart() : nots.get(MAX_DEPTH - depth).getSymbol();
                problems.add(positions.problem(at,
                        "expression is nested deeper than " + MAX_DEPTH + " levels"));
            }
            Expr expr = primary(ctx.primary(), innerDepth);
            for (int i = 0; i < nots.size(); i++) {
                expr = new Expr.Not(expr);
            }
            return expr;
        }

        private Expr primary(MqlParser.PrimaryContext ctx, int depth) {
            if (ctx.orExpr() != null) {
                return or(ctx.orExpr(), depth + 1);
            }
            return match(ctx.match());
        }

        private Expr match(MqlParser.MatchContext ctx) {
            Token refToken = ctx.ref().getStart();
            Token valueToken = ctx.value().getStart();
            Operator op = operator(ctx.op().getStart());
            String value = valueToken.getType() == MqlLexer.STRING ? Values.unquote(valueToken.getText())
                    : valueToken.getText();
            Ref ref;
            if (refToken.getType() == MqlLexer.LABEL) {
                ref = new Ref.Label(refToken.getText().substring(1));
                if (op.ordering()) {
                    problems.add(positions.problem(ctx.op().getStart(), orderingMessage(op)));
                }
            } else {
                ref = new Ref.Field(refToken.getText());
                Optional<FieldSpec> spec = catalog.field(ref.name());
                if (spec.isEmpty()) {
                    problems.add(positions.problem(refToken, unknownField(ref.name())));
                } else {
                    checkAgainstKind(spec.get(), op, value, ctx.op().getStart(), valueToken);
                }
            }
            if (op.regex()) {
                checkRegex(value, valueToken);
            }
            return new Expr.Match(ref, op, value);
        }

        private void checkAgainstKind(FieldSpec spec, Operator op, String value, Token opToken, Token valueToken) {
            FieldKind kind = spec.kind();
            if (op.ordering() && !kind.ordered()) {
                problems.add(positions.problem(opToken, orderingMessage(op)));
            } else if (op.regex() && kind.ordered()) {
                problems.add(positions.problem(opToken, "operator '" + op.symbol()
                        + "' does not apply to ordered field '" + spec.name() + "'; use =, !=, <, <=, >, >="));
            } else if (kind.ordered() && kind.ordinal(value).isEmpty()) {
                problems.add(positions.problem(valueToken, "invalid value '" + value + "' for '" + spec.name()
                        + "': expected " + kind.expectedValue()));
            }
        }

        private void checkRegex(String value, Token valueToken) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                problems.add(positions.problem(valueToken, "invalid regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")));
            } catch (StackOverflowError | IllegalArgumentException e) {
                problems.add(positions.problem(valueToken, "invalid regular expression: too complex"));
            }
        }

        private String orderingMessage(Operator op) {
            String ordered = catalog.fields().stream().filter(f -> f.kind().ordered()).map(FieldSpec::name)
                    .collect(Collectors.joining(", "));
            return "operator '" + op.symbol() + "' applies only to ordered fields"
                    + (ordered.isEmpty() ? "" : " (" + ordered + ")");
        }

        private String unknownField(String name) {
            String closest = NameDistance.closest(name, catalog.fields().stream().map(FieldSpec::name).toList());
            return "unknown field '" + name + "'" + (closest == null ? "" : " — did you mean '" + closest + "'?");
        }

        private Operator operator(Token token) {
            return switch (token.getType()) {
                case MqlLexer.EQ -> Operator.EQ;
                case MqlLexer.NE -> Operator.NE;
                case MqlLexer.RE -> Operator.MATCHES;
                case MqlLexer.NRE -> Operator.NOT_MATCHES;
                case MqlLexer.LT -> Operator.LT;
                case MqlLexer.LE -> Operator.LE;
                case MqlLexer.GT -> Operator.GT;
                case MqlLexer.GE -> Operator.GE;
                default -> throw new IllegalStateException("operator token " + token.getText());
            };
        }
    }
}
