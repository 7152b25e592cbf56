package dev.baton.api.model;

/** An entry of a dropdown: the id stored, the label shown. */
public record Choice(String id, String label) {
}
