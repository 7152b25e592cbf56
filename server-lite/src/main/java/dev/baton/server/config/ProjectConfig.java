package dev.baton.server.config;

import dev.baton.server.policy.ServiceLevel;
import java.util.List;
import java.util.Set;

/**
 * Per-project policy.
 *
 * @param serviceLevel   Platinum, Gold, Silver or None; with severity decides the SLA
 * @param grouping       labels whose values (with the project) group alerts into one incident
 * @param nonIdentifying labels left out of an alert's identity (replicas, pods…)
 */
public record ProjectConfig(ServiceLevel serviceLevel, List<String> grouping, Set<String> nonIdentifying) {

  public static final ProjectConfig DEFAULT =
      new ProjectConfig(ServiceLevel.NONE, List.of("alertname"), Set.of("prometheus_replica", "replica"));

  public ProjectConfig {
    grouping = List.copyOf(grouping);
    nonIdentifying = Set.copyOf(nonIdentifying);
  }
}
