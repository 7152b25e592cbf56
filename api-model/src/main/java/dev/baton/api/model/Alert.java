package dev.baton.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert of an incident.
 *
 * @param kind        lasting (has a state) or instant (an event)
 * @param state       firing, pending, ok, unknown; null for instant events
 * @param fireCount   how many times it started firing
 * @param periods     firing periods oldest first, the one in progress last with no end
 * @param incidentId  the incident it belongs to, or null
 */
public record Alert(
    long id,
    String project,
    String fingerprint,
    String trigger,
    String kind,
    String state,
    String severity,
    String source,
    Map<String, String> labels,
    Map<String, String> annotations,
    String generatorUrl,
    Instant firstSeen,
    Instant lastSeen,
    int fireCount,
    List<FiringPeriod> periods,
    Long incidentId) {
}
