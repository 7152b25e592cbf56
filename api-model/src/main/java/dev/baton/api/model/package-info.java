/**
 * The console API's documents (issue 4, {@code /api/v1/...}) as plain records. Times are
 * {@link java.time.Instant}s and durations {@link java.time.Duration}s, written as ISO-8601 text
 * (a mapper with Jackson's JSR-310 module and dates not as timestamps); severities as {@code S1..S9};
 * enumerated words (status, state, SLA class) in lower case as MQL spells them.
 */
package dev.baton.api.model;
