package dev.baton.server.store;

import dev.baton.server.incident.IncidentStatus;

/** What the writer needs of an incident it does not hold in memory (a closed one). */
public record StoredIncident(long id, IncidentStatus status, long version, String holder) {
}
