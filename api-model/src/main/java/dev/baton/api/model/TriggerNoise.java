package dev.baton.api.model;

/**
 * The noise of one trigger ({@code (none)} for alerts without an alertname).
 *
 * @param incidents            incidents of the trigger in the report
 * @param closedAsNoise        of them, closed without anybody having taken them
 * @param closedByTriage       of those, closed by a {@code close_if_ok_before_taken} triage rule
 * @param noiseShare           closedAsNoise / incidents; null when there were no incidents
 * @param resolvedWhilePending its alerts resolved while pending; null as in {@link NoiseReport}
 */
public record TriggerNoise(String trigger, long incidents, long closedAsNoise, long closedByTriage,
    Double noiseShare, Long resolvedWhilePending) {
}
