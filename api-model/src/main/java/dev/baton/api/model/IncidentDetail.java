package dev.baton.api.model;

import java.util.List;

/** An incident with its alerts and its whole timeline, oldest entry first. */
public record IncidentDetail(IncidentCard card, List<Alert> alerts, List<TimelineEntry> timeline) {
}
