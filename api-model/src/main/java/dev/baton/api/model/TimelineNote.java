package dev.baton.api.model;

import java.time.Instant;

/** A timestamped note to add to a post-mortem's timeline, or an entry's new time and text. */
public record TimelineNote(Instant at, String text) {
}
