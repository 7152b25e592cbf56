package dev.baton.api.model;

import java.util.List;

/** What else is open in the same project now, most urgent first. */
public record OtherIncidents(long incidentId, String project, int total, List<IncidentCard> items) {
}
