package dev.baton.api.model;

import java.time.Duration;

/**
 * Response figures of one group of incidents (a project, a team or a severity).
 *
 * @param key          the project, the team (without {@code #}) or the severity ({@code S1})
 * @param incidents    incidents in the group
 * @param takenInTime  taken by their response deadline
 * @param late         taken after it, or not taken and still open or closed after it passed;
 *                     incidents without a deadline (retro), and those not taken whose deadline
 *                     has not passed or that were closed before it, are neither
 * @param inTimeShare  takenInTime / (takenInTime + late); null when both are 0
 * @param taken        incidents taken: the base of the times to take
 * @param medianToTake median time from opening to taking (nearest rank); null when none was taken
 * @param p90ToTake    90th percentile of the same (nearest rank); null when none was taken
 * @param escalations  escalation moves (one per step up a team's escalation list)
 * @param escalated    incidents escalated at least once
 */
public record SlaFigures(
    String key,
    long incidents,
    long takenInTime,
    long late,
    Double inTimeShare,
    long taken,
    Duration medianToTake,
    Duration p90ToTake,
    long escalations,
    long escalated) {
}
