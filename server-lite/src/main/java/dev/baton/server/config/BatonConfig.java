package dev.baton.server.config;

import dev.baton.server.policy.Severity;
import dev.baton.server.policy.SeverityRules;
import dev.baton.server.policy.SlaTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receiver's configuration, as read from {@code baton.yml}. Immutable; validated on load.
 *
 * @param tokens        bearer tokens; empty means no authentication (loopback only unless --insecure)
 * @param sources       senders recognised by token
 * @param defaults      policy for projects not listed in {@code projects}
 * @param projects      per-project policy by project name
 * @param severity      how labels map to S1..S9
 * @param pendingDelays how long an alert of a severity stays pending before it may open an incident
 * @param limits        sizes and timeouts
 * @param runbooks      folder of runbook files, or null for none
 * @param teams         team queues by name (without {@code #})
 * @param routing       routing rules in order; the first that matches a new incident decides its holder
 * @param triage        triage rules in order: actions the receiver takes on incidents by itself
 * @param sla           response times by severity and service level
 * @param stream        the event stream and how much of its change log is kept
 * @param postmortems   post-mortem lists, template and artifact bounds
 * @param heartbeats    which alerts are heartbeats, and the severity of a silent source's incident
 * @param original      the configuration text as given, shown by {@code /api/v2/status}
 */
public record BatonConfig(
    List<TokenConfig> tokens,
    List<SourceConfig> sources,
    ProjectConfig defaults,
    Map<String, ProjectConfig> projects,
    SeverityRules severity,
    Map<Severity, Duration> pendingDelays,
    Limits limits,
    Path runbooks,
    Map<String, TeamConfig> teams,
    List<RouteRule> routing,
    List<TriageRule> triage,
    SlaTable sla,
    StreamConfig stream,
    PostmortemConfig postmortems,
    HeartbeatConfig heartbeats,
    String original) {

  public static final String DEFAULT_PROJECT = "default";

  public static final BatonConfig DEFAULT = new BatonConfig(
      List.of(), List.of(), ProjectConfig.DEFAULT, Map.of(), SeverityRules.DEFAULT, Map.of(), Limits.DEFAULT, null, Map.of(), List.of(),
      List.of(), SlaTable.DEFAULT, StreamConfig.DEFAULT, PostmortemConfig.DEFAULT, HeartbeatConfig.DEFAULT, "");

  public BatonConfig {
    tokens = List.copyOf(tokens);
    sources = List.copyOf(sources);
    projects = Map.copyOf(projects);
    pendingDelays = Map.copyOf(pendingDelays);
    teams = Map.copyOf(teams);
    routing = List.copyOf(routing);
    triage = List.copyOf(triage);
  }

  public boolean authEnabled() {
    return !tokens.isEmpty();
  }

  public ProjectConfig project(String name) {
    return projects.getOrDefault(name, defaults);
  }

  public Duration pendingDelay(Severity severity) {
    return pendingDelays.getOrDefault(severity, Duration.ZERO);
  }

  /** The pending delay of a severity in a project: the project's own, else the global one. */
  public Duration pendingDelay(String project, Severity severity) {
    Duration own = project(project).pending().get(severity);
    return own != null ? own : pendingDelay(severity);
  }

  public Optional<SourceConfig> sourceForToken(String tokenName) {
    return sources.stream().filter(s -> tokenName.equals(s.token())).findFirst();
  }

  /** The configured source of that name. */
  public Optional<SourceConfig> source(String name) {
    return sources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public BatonConfig withLimits(Limits newLimits) {
    return new BatonConfig(tokens, sources, defaults, projects, severity, pendingDelays, newLimits, runbooks, teams, routing, triage, sla,
        stream, postmortems, heartbeats, original);
  }

  /** The same with another runbooks folder (a command-line flag wins over the file). */
  public BatonConfig withRunbooks(Path folder) {
    return new BatonConfig(tokens, sources, defaults, projects, severity, pendingDelays, limits, folder, teams, routing, triage, sla,
        stream, postmortems, heartbeats, original);
  }

  public BatonConfig withStream(StreamConfig newStream) {
    return new BatonConfig(tokens, sources, defaults, projects, severity, pendingDelays, limits, runbooks, teams, routing, triage, sla,
        newStream, postmortems, heartbeats, original);
  }
}
