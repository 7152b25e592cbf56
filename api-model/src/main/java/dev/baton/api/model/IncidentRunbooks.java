package dev.baton.api.model;

import java.util.List;

/**
 * The runbooks whose MQL matches an incident now (the card's "Instructions" tab).
 *
 * @param incidentId the incident
 * @param runbooks   by priority (lower first), then title
 */
public record IncidentRunbooks(long incidentId, List<Runbook> runbooks) {
}
