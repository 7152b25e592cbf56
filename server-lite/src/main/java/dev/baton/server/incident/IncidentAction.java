package dev.baton.server.incident;

/**
 * A command on one incident by one actor.
 *
 * @param expectedVersion the version the actor saw ({@code If-Match}); null to skip the check
 */
public record IncidentAction(long incidentId, String actor, Long expectedVersion, IncidentCommand command) {
}
