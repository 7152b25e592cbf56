package dev.baton.api.model;

/** An action item to add, or an existing one's new title, link and state. */
public record ActionItemFields(String title, String link, boolean done) {
}
