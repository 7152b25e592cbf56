package dev.baton.server.policy;

import java.util.List;

/**
 * A snooze rule created or ended, and the incidents that change snoozed or woke.
 *
 * @param incidents by id
 */
public record SnoozeRuleChange(SnoozeRule rule, List<Long> incidents) {

  public SnoozeRuleChange {
    incidents = List.copyOf(incidents);
  }
}
