package dev.baton.server.alert;

import dev.baton.server.ingest.Event;
import dev.baton.server.policy.SeverityRules;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides which events are the same alert. The identity is the Alertmanager fingerprint of the
 * identifying labels: all labels minus the project's non-identifying ones (replicas) and minus the
 * severity-bearing labels, so that a {@code severity} change does not split an alert (the alert
 * keeps the most severe value seen). A sender's dedup key, when given, is the identity instead.
 */
public final class AlertIdentity {

  private final Set<String> excluded;

  public AlertIdentity(Set<String> nonIdentifying) {
    Set<String> all = new HashSet<>(nonIdentifying);
    all.addAll(SeverityRules.SEVERITY_LABELS);
    this.excluded = Set.copyOf(all);
  }

  public AlertKey keyOf(Event event, String project) {
    if (event.dedupKey() != null && !event.dedupKey().isEmpty()) {
      return new AlertKey(project, Fingerprint.ofText("dedup_key\u00ff" + event.dedupKey()));
    }
    return new AlertKey(project, Fingerprint.of((java.util.SortedMap<String, String>) event.labels(), excluded));
  }
}
