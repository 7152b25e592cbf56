package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/reports/sla}: how fast incidents opened in {@code [from, to)} that match
 * {@code q} were taken, per project, team and severity, and how much of what reached Baton was noise.
 *
 * @param from        null: since the first incident
 * @param to          null: up to now
 * @param q           the MQL filter, null when none
 * @param incidents   incidents counted
 * @param perProject  per project, most incidents first
 * @param perTeam     per handling team (the last team queue in the holder chain, {@code (none)}
 *                    when none), most incidents first
 * @param perSeverity per severity, S1 first
 * @param noise       alerts resolved while pending and incidents closed as noise, per trigger
 */
public record SlaReport(
    Instant from,
    Instant to,
    String q,
    long incidents,
    List<SlaFigures> perProject,
    List<SlaFigures> perTeam,
    List<SlaFigures> perSeverity,
    NoiseReport noise) {
}
