package dev.baton.mql.parse;

/** How values are written: bare words, or quoted strings with backslash escapes. */
public final class Values {

    private Values() {
    }

    /** The value a STRING token stands for. Unknown escapes such as {@code \d} keep their backslash. */
    static String unquote(String token) {
        StringBuilder out = new StringBuilder(token.length());
        int last = token.length() - 1;
        for (int i = 1; i < last; i++) {
            char c = token.charAt(i);
            if (c != '\\' || i + 1 >= last) {
                out.append(c);
                continue;
            }
            char next = token.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '"', '\'' -> out.append(next);
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    /** The value as canonical MQL: bare when it reads back as the same single word, else double-quoted. */
    public static String write(String value) {
        if (bare(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean bare(String value) {
        if (value.isEmpty() || isKeyword(value)) {
            return false;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!wordChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static boolean isKeyword(String word) {
        return word.equalsIgnoreCase("and") || word.equalsIgnoreCase("or") || word.equalsIgnoreCase("not");
    }

    /** Mirrors WORD_CHAR in Mql.g4. */
    static boolean wordChar(int c) {
        if ("_.-:/*+?^$%|[]{}".indexOf(c) >= 0) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
