package dev.baton.server.store;

import dev.baton.server.incident.Incident;
import dev.baton.server.policy.Escalations;
import java.util.List;
import java.util.Map;

/**
 * What the writer keeps in memory, as loaded at start.
 *
 * @param openIncidents    incidents not closed, with their member counts
 * @param nextAlertId      first free alert id
 * @param nextIncidentId   first free incident id
 * @param nextMessageId    first free message id
 * @param alertsByState    all stored alerts counted by state wire name ("instant" for none)
 * @param closedIncidents  closed incidents counted by SLA class wire name
 * @param escalations      where open incidents are on their team's escalation list, by incident id
 */
public record HotState(
    List<Incident> openIncidents,
    long nextAlertId,
    long nextIncidentId,
    long nextMessageId,
    Map<String, Long> alertsByState,
    Map<String, Long> closedIncidents,
    Map<Long, Escalations.Progress> escalations) {}
