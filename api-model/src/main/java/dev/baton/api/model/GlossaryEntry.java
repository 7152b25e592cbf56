package dev.baton.api.model;

/** A term used in the report and what it means, for the reader a year later. */
public record GlossaryEntry(String term, String definition) {
}
