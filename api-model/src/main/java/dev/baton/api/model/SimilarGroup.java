package dev.baton.api.model;

import java.util.List;

/**
 * Incidents with the same trigger in one scope, the current one excluded: {@code described/total}
 * as the card shows it ({@code 0/78}).
 *
 * @param described those with a short or long description (or a post-mortem)
 * @param items     the most recent ones, newest first, at most the requested limit
 */
public record SimilarGroup(int described, int total, List<PastIncident> items) {
}
