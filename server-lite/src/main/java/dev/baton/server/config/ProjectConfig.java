package dev.baton.server.config;

import dev.baton.server.incident.Holding;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-project policy.
 *
 * @param serviceLevel   Platinum, Gold, Silver or None; with severity decides the SLA
 * @param grouping       labels whose values (with the project) group alerts into one incident
 * @param nonIdentifying labels left out of an alert's identity (replicas, pods…)
 * @param defaultHolder  who holds the project's new incidents no routing rule matches ({@code #team} or {@code @person})
 * @param pending        pending delays by severity for this project, over the global {@code pending} section
 */
public record ProjectConfig(ServiceLevel serviceLevel, List<String> grouping, Set<String> nonIdentifying,
    String defaultHolder, Map<Severity, Duration> pending) {

  public static final ProjectConfig DEFAULT = new ProjectConfig(ServiceLevel.NONE, List.of("alertname"),
      Set.of("prometheus_replica", "replica"), Holding.DEFAULT_HOLDER, Map.of());

  public ProjectConfig {
    grouping = List.copyOf(grouping);
    nonIdentifying = Set.copyOf(nonIdentifying);
    pending = Map.copyOf(pending);
  }
}
