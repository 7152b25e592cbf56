package dev.baton.api.model;

import java.time.Instant;

/**
 * One line of a post-mortem's timeline.
 *
 * @param kind       {@code note} for notes; else the incident event it was copied from (opened, alert_joined…)
 * @param incidentId the incident it was copied from, null for notes
 */
public record PostmortemTimelineEntry(long id, Instant at, String author, String kind, String text, Long incidentId) {
}
