package dev.baton.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an incident's timeline: an alert change or a human action.
 *
 * @param actor  who did it: a person, a token's name, or {@code baton} for the receiver itself
 * @param kind   what happened (e.g. opened, alert_joined, alert_firing, closed)
 * @param detail what the receiver recorded with it
 */
public record TimelineEntry(long id, Instant at, String actor, String kind, Map<String, Object> detail) {
}
