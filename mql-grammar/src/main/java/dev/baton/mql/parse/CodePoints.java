package dev.baton.mql.parse;

/**
 * Converts ANTLR's positions (code points) to Java string offsets (UTF-16 units) in constant
 * time per lookup; they differ only after characters outside the Basic Multilingual Plane.
 */
final class CodePoints {

    private final String text;
    /** Char offset of each code point index, or null when the two coincide. */
    private final int[] offsets;

    CodePoints(String text) {
        this.text = text;
        int count = text.codePointCount(0, text.length());
        if (count == text.length()) {
            offsets = null;
            return;
        }
        offsets = new int[count + 1];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        offsets[count] = text.length();
    }

    int charOffset(int codePointIndex) {
        if (offsets == null) {
            return Math.max(0, Math.min(codePointIndex, text.length()));
        }
        return offsets[Math.max(0, Math.min(codePointIndex, offsets.length - 1))];
    }
}
