package dev.baton.api.model;

import java.util.List;

/**
 * Earlier incidents of the same identity (grouping key), newest first.
 *
 * @param total how many there are in all; {@code items} holds at most the requested limit
 */
public record IncidentHistory(long incidentId, String groupingKey, int total, List<PastIncident> items) {
}
