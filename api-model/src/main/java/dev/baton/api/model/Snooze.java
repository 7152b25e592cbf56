package dev.baton.api.model;

import java.time.Instant;

/** A snooze: until a time or forever; with closeIfOk the incident closes itself once all its alerts are ok. */
public record Snooze(Instant until, boolean forever, boolean closeIfOk, String by, String comment) {
}
