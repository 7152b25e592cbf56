package dev.baton.mql.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file of MQL into statements: one per line; a line starting with whitespace continues
 * the statement above; blank lines and lines with {@code #} in the first column are skipped.
 */
final class RuleFile {

    /** One statement and the file line it starts on (1-based). */
    record Entry(int firstLine, String text) {
    }

    private RuleFile() {
    }

    static List<Entry> entries(String content) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean blank = line.isBlank();
            boolean continuation = !blank && Character.isWhitespace(line.charAt(0));
            if (continuation && current != null) {
                current.append('\n').append(line);
                continue;
            }
            if (current != null) {
                entries.add(new Entry(start, current.toString()));
                current = null;
            }
            if (!blank && !line.startsWith("#")) {
                current = new StringBuilder(line);
                start = i + 1;
            }
        }
        if (current != null) {
            entries.add(new Entry(start, current.toString()));
        }
        return entries;
    }
}
