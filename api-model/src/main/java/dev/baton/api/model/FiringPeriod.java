package dev.baton.api.model;

import java.time.Instant;

/** One firing period; {@code end} is null for the period in progress. */
public record FiringPeriod(Instant start, Instant end) {
}
