package dev.baton.api.model;

import java.time.Instant;

/**
 * One change on {@code GET /api/v1/stream}: the SSE {@code data} of an {@code incident} or
 * {@code alert} event, whose SSE {@code id} is {@link #id()}.
 *
 * @param id       the change's position in the receiver's change log; resume after it with Last-Event-ID
 * @param type     {@code incident} or {@code alert}
 * @param change   for an incident: {@code opened}, {@code closed}, a timeline kind ({@code alert_joined},
 *                 {@code alert_state}, {@code severity_raised}, a human action…) or {@code updated};
 *                 for an alert: {@code created} or {@code updated}
 * @param entityId the incident's or the alert's id
 * @param version  the incident version the change wrote; null for alerts and timeline-only changes
 * @param at       when the change was committed
 * @param card     for an incident: its card as it is when the event is sent (the list's shape, to upsert by id and version)
 * @param alert    for an alert: the alert as it is when the event is sent
 */
public record StreamEvent(
    long id,
    String type,
    String change,
    long entityId,
    Long version,
    Instant at,
    IncidentCard card,
    Alert alert) {

  public static final String INCIDENT = "incident";
  public static final String ALERT = "alert";
}
