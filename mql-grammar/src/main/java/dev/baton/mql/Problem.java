package dev.baton.mql;

import java.util.Objects;

/**
 * Why an input is not valid MQL, and where: 1-based line and column, plus the 0-based character
 * offset and length of the offending text (for underlining in an editor).
 */
public record Problem(int line, int column, int offset, int length, String message) {

    public Problem {
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1 || offset < 0 || length < 0) {
            throw new IllegalArgumentException("invalid position " + line + ":" + column);
        }
    }

    /** A problem at a character offset of {@code source}; line and column are derived from it. */
    public static Problem at(String source, int offset, int length, String message) {
        int clamped = Math.max(0, Math.min(offset, source.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(line, clamped - lineStart + 1, clamped, Math.max(0, length), message);
    }

    /** {@code line:column: message}. */
    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }

    /**
     * The offending line of {@code source} and a caret under the column, e.g.
     * <pre>
     * projct = "x"
     * ^
     * </pre>
     * Tabs before the column are kept so the caret lines up in a terminal.
     */
    public String caret(String source) {
        String[] lines = source.split("\r?\n", -1);
        String text = line <= lines.length ? lines[line - 1] : "";
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            marker.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
        }
        marker.append('^');
        return text + "\n" + marker;
    }
}
