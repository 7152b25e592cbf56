package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/reports/incidents}: analytics over the incidents opened in {@code [from, to)}
 * that match {@code q}. Figures from post-mortem fields count each incident its post-mortem covers.
 *
 * @param from             null: since the first incident
 * @param to               null: up to now
 * @param incidents        incidents counted
 * @param withPostmortem   of them, covered by a post-mortem: the base of the post-mortem shares
 * @param durations        failure duration histogram on a log scale (post-mortem failure start to
 *                         end when both are set, else incident opened to closed; open: unknown)
 * @param damageCategories post-mortem damage categories, most frequent first
 * @param triggerCategories post-mortem trigger categories ranked, most frequent first
 * @param detection        how the incidents were noticed
 * @param perProject       incidents per project, most first
 * @param perTeam          incidents per handling team (the last team in the holder chain), most first
 * @param perWeek          incidents per ISO week of their opening (UTC), in time order
 * @param responseTimes    MTTA and MTTR per severity, S1 first
 * @param alertPrevention  how many post-mortems say an alert would have prevented or shortened them
 */
public record IncidentReport(
    Instant from,
    Instant to,
    String q,
    long incidents,
    long withPostmortem,
    List<DurationBucket> durations,
    List<CategoryCount> damageCategories,
    List<CategoryCount> triggerCategories,
    DetectionFigures detection,
    List<CategoryCount> perProject,
    List<CategoryCount> perTeam,
    List<WeekCount> perWeek,
    List<SeverityTimes> responseTimes,
    AlertPrevention alertPrevention) {
}
