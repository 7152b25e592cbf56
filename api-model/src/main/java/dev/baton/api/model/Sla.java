package dev.baton.api.model;

import java.time.Duration;
import java.time.Instant;

/**
 * @param slaClass     urgent, async or retro
 * @param responseTime the class's response time (urgent only, else null)
 * @param deadline     when a response is due (urgent only, else null)
 * @param overdue      the deadline has passed while nobody took the incident
 */
public record Sla(String slaClass, Duration responseTime, Instant deadline, boolean overdue) {
}
