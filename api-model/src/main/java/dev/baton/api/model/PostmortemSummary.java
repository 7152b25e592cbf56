package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/** A post-mortem in a list. */
public record PostmortemSummary(long id, String title, String status, String owner, List<Long> incidentIds,
    String triggerCategory, Instant failureStart, Instant failureEnd, int actionsOpen, int actionsTotal,
    Instant updatedAt, long version) {
}
