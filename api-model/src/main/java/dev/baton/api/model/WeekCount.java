package dev.baton.api.model;

import java.time.LocalDate;

/**
 * Incidents opened in one ISO week.
 *
 * @param week   {@code 2026-W47}
 * @param monday the week's first day (UTC)
 */
public record WeekCount(String week, LocalDate monday, long count) {
}
