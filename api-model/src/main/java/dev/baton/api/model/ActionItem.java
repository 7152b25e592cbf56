package dev.baton.api.model;

/**
 * A task that closes the loop.
 *
 * @param link the tracker task, an http(s) URL, or null
 */
public record ActionItem(long id, String title, String link, boolean done) {
}
