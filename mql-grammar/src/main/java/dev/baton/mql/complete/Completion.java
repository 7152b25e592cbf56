package dev.baton.mql.complete;

import java.util.List;

/** Suggestions for the text between {@code from} and {@code to} (character offsets, end exclusive). */
public record Completion(int from, int to, List<Suggestion> suggestions) {
    public Completion {
        suggestions = List.copyOf(suggestions);
    }

    /** The text with {@code suggestion} applied, e.g. to show a preview. */
    public String apply(String text, Suggestion suggestion) {
        return text.substring(0, from) + suggestion.text() + text.substring(to);
    }
}
