package dev.baton.api.model;

import java.util.List;

/** A section of the report: its title, the questions that guide it, and the answer written. */
public record PostmortemSection(String title, List<String> questions, String answer) {
}
