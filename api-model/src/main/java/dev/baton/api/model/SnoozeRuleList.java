package dev.baton.api.model;

import java.util.List;

/** The snooze rules in force, oldest first. */
public record SnoozeRuleList(List<SnoozeRuleInfo> rules) {
}
