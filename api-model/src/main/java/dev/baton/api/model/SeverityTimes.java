package dev.baton.api.model;

import java.time.Duration;

/**
 * Mean times to acknowledge (opened to taken) and to resolve (opened to closed) for a severity.
 *
 * @param acknowledged incidents that were taken: the base of {@code mtta}
 * @param resolved     incidents that were closed: the base of {@code mttr}
 * @param mtta         null when none was taken
 * @param mttr         null when none was closed
 */
public record SeverityTimes(String severity, long incidents, long acknowledged, Duration mtta, long resolved,
    Duration mttr) {
}
