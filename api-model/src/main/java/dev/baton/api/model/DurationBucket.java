package dev.baton.api.model;

/**
 * One bar of the duration histogram: durations in {@code [fromSeconds, toSeconds)}.
 *
 * @param toSeconds null for the last bounded bar (no upper bound)
 * @param unknown   true for the bar of incidents whose end is not known (still open)
 */
public record DurationBucket(String label, Long fromSeconds, Long toSeconds, boolean unknown, long count) {
}
