package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/**
 * A snooze rule (a maintenance window): incidents matching {@code mql} are snoozed until it ends;
 * something worse still wakes them.
 *
 * @param id        its number; the incidents it snoozes show {@code rule:<id>} as who snoozed them
 * @param incidents on create: the open incidents it snoozed; on end: those it woke; empty in lists
 */
public record SnoozeRuleInfo(long id, String mql, Instant until, String comment, String author, Instant created,
    List<Long> incidents) {
}
