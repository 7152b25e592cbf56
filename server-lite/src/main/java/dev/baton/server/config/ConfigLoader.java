package dev.baton.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.Problem;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.RoutingRule;
import dev.baton.mql.ast.Target;
import dev.baton.server.incident.Holding;
import dev.baton.server.ingest.IngestLimits;
import dev.baton.server.policy.ServiceLevel;
import dev.baton.server.policy.Severity;
import dev.baton.server.policy.SeverityRules;
import dev.baton.server.policy.Sla;
import dev.baton.server.policy.SlaClass;
import dev.baton.server.policy.SlaTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code baton.yml} into a {@link BatonConfig}, reporting every problem with its path in the
 * file ({@code projects.x.service_level: expected one of Platinum, Gold, Silver, None}).
 */
public final class ConfigLoader {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");
  private static final Set<String> TOP_KEYS = Set.of("tokens", "sources", "defaults", "projects", "severity", "pending", "limits",
      "runbooks", "teams", "routing", "triage", "sla", "stream", "postmortems", "heartbeats");
  private static final Mql MQL = Mql.forIncidents();

  private final List<String> problems = new ArrayList<>();
  private Map<String, TeamConfig> teams = Map.of();

  private ConfigLoader() {}

  public static BatonConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), List.of("file not found"));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot read: " + e.getMessage()));
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir);
  }

  /** Reads configuration text; a relative runbooks folder is taken from the working directory. */
  public static BatonConfig parse(String text, String origin) throws ConfigException {
    return parse(text, origin, Path.of("").toAbsolutePath());
  }

  /** Reads configuration text; a relative runbooks folder is taken from {@code dir}. */
  public static BatonConfig parse(String text, String origin, Path dir) throws ConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new ConfigException(origin, List.of(where + "not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(origin, List.of("cannot read: " + e.getMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new ConfigLoader().build(MissingNode.getInstance(), text, origin, dir);
    }
    return new ConfigLoader().build(root, text, origin, dir);
  }

  private BatonConfig build(JsonNode root, String text, String origin, Path dir) throws ConfigException {
    if (!root.isMissingNode() && !root.isObject()) {
      throw new ConfigException(origin, List.of("(top level): expected a mapping of sections " + TOP_KEYS));
    }
    checkKeys(root, "", TOP_KEYS);
    List<TokenConfig> tokens = tokens(root.path("tokens"));
    List<SourceConfig> sources = sources(root.path("sources"), tokens);
    teams = teams(root.path("teams"));
    ProjectConfig defaults = project(root.path("defaults"), "defaults", ProjectConfig.DEFAULT);
    Map<String, ProjectConfig> projects = new LinkedHashMap<>();
    JsonNode projectsNode = root.path("projects");
    if (mapping(projectsNode, "projects")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = projectsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        projects.put(e.getKey(), project(e.getValue(), "projects." + e.getKey(), defaults));
      }
    }
    SeverityRules severity = severity(root.path("severity"));
    Map<Severity, Duration> pending = pending(root.path("pending"), "pending");
    Limits limits = limits(root.path("limits"));
    String runbooksText = optionalText(root.path("runbooks"), "runbooks");
    Path runbooks = runbooksText == null ? null : dir.resolve(runbooksText).normalize();
    List<RouteRule> routing = routing(root.path("routing"));
    List<TriageRule> triage = triage(root.path("triage"));
    SlaTable sla = sla(root.path("sla"));
    StreamConfig stream = stream(root.path("stream"));
    PostmortemConfig postmortems = postmortems(root.path("postmortems"));
    HeartbeatConfig heartbeats = heartbeats(root.path("heartbeats"));
    if (!problems.isEmpty()) {
      throw new ConfigException(origin, problems);
    }
    return new BatonConfig(tokens, sources, defaults, projects, severity, pending, limits, runbooks, teams, routing, triage,
        sla,
        stream, postmortems, heartbeats, text);
  }

  /** Teams are read before the sections that name them (projects, routing); escalation lists after every team. */
  private Map<String, TeamConfig> teams(JsonNode node) {
    teams = new LinkedHashMap<>();
    if (!mapping(node, "teams")) {
      return teams;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "teams." + e.getKey();
      if (!Holding.validHolder("#" + e.getKey())) {
        problems.add(path + ": a team name has letters, digits, '_', '.' and '-' only (no '#')");
        continue;
      }
      JsonNode t = e.getValue();
      if (t.isNull() || t.isMissingNode()) {
        teams.put(e.getKey(), new TeamConfig(e.getKey(), List.of(), List.of(), null));
        continue;
      }
      if (!t.isObject()) {
        problems.add(path + ": expected a mapping with members, escalation, escalate_after");
        continue;
      }
      checkKeys(t, path, Set.of("members", "escalation", "escalate_after"));
      List<String> members = new ArrayList<>();
      JsonNode m = t.path("members");
      if (sequence(m, path + ".members")) {
        for (int i = 0; i < m.size(); i++) {
          String person = m.get(i).isTextual() ? m.get(i).asText() : "";
          person = person.startsWith("@") ? person.substring(1) : person;
          if (!Holding.validHolder("@" + person)) {
            problems.add(path + ".members[" + i + "]: expected a person's name like 'dmitry.kosobokov', got '"
                + m.get(i).asText() + "'");
          } else {
            members.add(person);
          }
        }
      }
      Duration after = null;
      if (t.has("escalate_after")) {
        after = duration(t.path("escalate_after"), path + ".escalate_after");
        if (after != null && after.isZero()) {
          problems.add(path + ".escalate_after: expected a positive duration, got '" + t.path("escalate_after").asText() + "'");
        }
      }
      teams.put(e.getKey(), new TeamConfig(e.getKey(), members, List.of(), after));
    }
    // escalation lists name other teams: read once every team is known
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      TeamConfig team = teams.get(e.getKey());
      JsonNode list = e.getValue().path("escalation");
      String path = "teams." + e.getKey() + ".escalation";
      if (team == null || !sequence(list, path)) {
        continue;
      }
      List<String> escalation = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String h = holder(list.get(i), path + "[" + i + "]");
        if (h != null) {
          escalation.add(h);
        }
      }
      teams.put(team.name(), new TeamConfig(team.name(), team.members(), escalation, team.escalateAfter()));
    }
    return teams;
  }

  private List<RouteRule> routing(JsonNode node) {
    List<RouteRule> rules = new ArrayList<>();
    if (!sequence(node, "routing")) {
      return rules;
    }
    for (int i = 0; i < node.size(); i++) {
      String path = "routing[" + i + "]";
      JsonNode r = node.get(i);
      String name = path;
      JsonNode ruleNode = r;
      if (r.isObject()) {
        checkKeys(r, path, Set.of("name", "rule"));
        String given = optionalText(r.path("name"), path + ".name");
        name = given == null ? name : given;
        ruleNode = r.path("rule");
        path = path + ".rule";
      }
      if (!ruleNode.isTextual()) {
        problems.add(path + ": expected a routing rule like 'project = \"x\" AND ~server = \"gitlab\" -> @vasiliy.vasiliyev'");
        continue;
      }
      String text = ruleNode.asText();
      ParseResult<RoutingRule> parsed = MQL.parseRule(text);
      if (!parsed.ok()) {
        for (Problem p : parsed.problems()) {
          problems.add(path + ": mql " + p + "\n" + p.caret(text));
        }
        continue;
      }
      List<String> targets = new ArrayList<>();
      for (Target t : parsed.value().targets()) {
        String holder = (t instanceof Target.Team ? "#" : "@") + t.name();
        if (t instanceof Target.Team && !teamKnown(t.name())) {
          problems.add(path + ": team '" + holder + "' is not defined in teams");
        }
        targets.add(holder);
      }
      rules.add(new RouteRule(name, text, MQL.predicate(parsed.value().query()), targets));
    }
    return rules;
  }

  private List<TriageRule> triage(JsonNode node) {
    List<TriageRule> rules = new ArrayList<>();
    if (!sequence(node, "triage")) {
      return rules;
    }
    for (int i = 0; i < node.size(); i++) {
      String path = "triage[" + i + "]";
      JsonNode r = node.get(i);
      if (!r.isObject()) {
        problems.add(path + ": expected a mapping like {mql: 'severity >= S5', action: close_if_ok_before_taken}");
        continue;
      }
      checkKeys(r, path, Set.of("name", "mql", "action", "severity", "to"));
      String given = optionalText(r.path("name"), path + ".name");
      String text = requiredText(r, path + ".mql");
      String actionText = requiredText(r, path + ".action");
      TriageRule.Action action = actionText == null ? null : TriageRule.Action.fromWire(actionText);
      if (actionText != null && action == null) {
        problems.add(path + ".action: expected one of " + TriageRule.Action.choices() + ", got '" + actionText + "'");
      }
      Severity severity = null;
      if (action == TriageRule.Action.SET_SEVERITY) {
        severity = r.has("severity") ? severityValue(r.path("severity"), path + ".severity") : null;
        if (!r.has("severity")) {
          problems.add(path + ": set_severity needs severity (S1..S9)");
        }
      } else if (action != null && r.has("severity")) {
        problems.add(path + ".severity: only set_severity takes a severity");
      }
      String to = null;
      if (action == TriageRule.Action.ROUTE) {
        to = r.has("to") ? holder(r.path("to"), path + ".to") : null;
        if (!r.has("to")) {
          problems.add(path + ": route needs to (a team queue like '#l1' or a person like '@dmitry.kosobokov')");
        }
      } else if (action != null && r.has("to")) {
        problems.add(path + ".to: only route takes a holder");
      }
      if (text == null) {
        continue;
      }
      ParseResult<Query> parsed = MQL.parse(text);
      if (!parsed.ok()) {
        for (Problem p : parsed.problems()) {
          problems.add(path + ".mql: mql " + p + "\n" + p.caret(text));
        }
        continue;
      }
      if (action != null) {
        rules.add(new TriageRule(given == null ? path : given, text, MQL.predicate(parsed.value()), action, severity,
            to));
      }
    }
    return rules;
  }

  /** A holder, {@code #team} (defined in teams, or the L1 queue) or {@code @person}; null with a problem otherwise. */
  private String holder(JsonNode node, String path) {
    String text = node.isTextual() ? node.asText().strip() : "";
    if (!Holding.validHolder(text)) {
      problems.add(path + ": expected a team queue like '#l1' or a person like '@dmitry.kosobokov', got '"
          + node.asText() + "'");
      return null;
    }
    if (text.startsWith("#") && !teamKnown(text.substring(1))) {
      problems.add(path + ": team '" + text + "' is not defined in teams");
      return null;
    }
    return text;
  }

  private boolean teamKnown(String name) {
    return teams.containsKey(name) || ("#" + name).equals(Holding.DEFAULT_HOLDER);
  }

  private SlaTable sla(JsonNode node) {
    if (!mapping(node, "sla")) {
      return SlaTable.DEFAULT;
    }
    Map<ServiceLevel, Map<Severity, Sla>> overrides = new EnumMap<>(ServiceLevel.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "sla." + e.getKey();
      ServiceLevel level = ServiceLevel.parse(e.getKey());
      if (level == null) {
        problems.add(path + ": expected a service level Platinum, Gold, Silver or None as key");
        continue;
      }
      if (!mapping(e.getValue(), path)) {
        continue;
      }
      Map<Severity, Sla> row = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> cells = e.getValue().fields(); cells.hasNext(); ) {
        Map.Entry<String, JsonNode> cell = cells.next();
        String cellPath = path + "." + cell.getKey();
        Severity severity = Severity.parse(cell.getKey());
        if (severity == null) {
          problems.add(cellPath + ": expected a severity S1..S9 as key");
          continue;
        }
        String value = cell.getValue().isValueNode() ? cell.getValue().asText().strip() : "";
        if (value.equals("async")) {
          row.put(severity, SlaTable.ASYNC);
        } else if (value.equals("retro")) {
          row.put(severity, SlaTable.RETRO);
        } else if (DURATION.matcher(value).matches()) {
          Duration d = duration(cell.getValue(), cellPath);
          if (d.isZero()) {
            problems.add(cellPath + ": expected a positive response time, got '" + value + "'");
          } else {
            row.put(severity, new Sla(SlaClass.URGENT, d));
          }
        } else {
          problems.add(cellPath + ": expected a response time like 15m, or async, or retro, got '"
              + cell.getValue().asText() + "'");
        }
      }
      overrides.put(level, row);
    }
    return SlaTable.DEFAULT.withOverrides(overrides);
  }

  private List<TokenConfig> tokens(JsonNode node) {
    List<TokenConfig> tokens = new ArrayList<>();
    if (!sequence(node, "tokens")) {
      return tokens;
    }
    Set<String> names = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "tokens[" + i + "]";
      JsonNode t = node.get(i);
      if (!t.isObject()) {
        problems.add(path + ": expected a mapping with name, role, secret");
        continue;
      }
      checkKeys(t, path, Set.of("name", "role", "secret"));
      String name = requiredText(t, path + ".name");
      String roleText = requiredText(t, path + ".role");
      String secret = requiredText(t, path + ".secret");
      Role role = roleText == null ? null : Role.parse(roleText);
      if (roleText != null && role == null) {
        problems.add(path + ".role: expected one of ingest, read (or viewer), operate (or operator), admin, got '" + roleText + "'");
      }
      if (name != null && !names.add(name)) {
        problems.add(path + ".name: duplicate token name '" + name + "'");
      }
      if (secret != null && secret.length() < 16) {
        problems.add(path + ".secret: too short, use at least 16 characters");
      }
      if (secret != null && !secrets.add(secret)) {
        problems.add(path + ".secret: the same secret is used by another token");
      }
      if (name != null && role != null && secret != null) {
        tokens.add(new TokenConfig(name, role, secret));
      }
    }
    return tokens;
  }

  private List<SourceConfig> sources(JsonNode node, List<TokenConfig> tokens) {
    List<SourceConfig> sources = new ArrayList<>();
    if (!sequence(node, "sources")) {
      return sources;
    }
    Set<String> names = new HashSet<>();
    Set<String> keys = Set.of("name", "token", "default_project", "heartbeat", "heartbeat_severity");
    for (int i = 0; i < node.size(); i++) {
      String path = "sources[" + i + "]";
      JsonNode s = node.get(i);
      if (!s.isObject()) {
        problems.add(path + ": expected a mapping with " + String.join(", ", new java.util.TreeSet<>(keys)));
        continue;
      }
      checkKeys(s, path, keys);
      String name = requiredText(s, path + ".name");
      String token = optionalText(s.path("token"), path + ".token");
      String project = optionalText(s.path("default_project"), path + ".default_project");
      if (name != null && !names.add(name)) {
        problems.add(path + ".name: another source is named '" + name + "'");
      }
      if (token != null && tokens.stream().noneMatch(t -> t.name().equals(token))) {
        problems.add(path + ".token: no token named '" + token + "' in tokens");
      }
      Duration heartbeat = s.has("heartbeat") ? duration(s.path("heartbeat"), path + ".heartbeat") : null;
      if (heartbeat != null && heartbeat.isZero()) {
        problems.add(path + ".heartbeat: expected a positive duration, got '" + s.path("heartbeat").asText() + "'");
      }
      Severity severity = s.has("heartbeat_severity")
          ? severityValue(s.path("heartbeat_severity"), path + ".heartbeat_severity") : null;
      if (severity != null && heartbeat == null) {
        problems.add(path + ".heartbeat_severity: the source has no heartbeat, so it never opens a no-data-for"
            + " incident; add heartbeat or remove heartbeat_severity");
      }
      if (name != null) {
        sources.add(new SourceConfig(name, token, project, heartbeat, severity));
      }
    }
    return sources;
  }

  private HeartbeatConfig heartbeats(JsonNode node) {
    if (!mapping(node, "heartbeats")) {
      return HeartbeatConfig.DEFAULT;
    }
    checkKeys(node, "heartbeats", Set.of("alertnames", "severity"));
    Set<String> alertnames = HeartbeatConfig.DEFAULT.alertnames();
    JsonNode names = node.path("alertnames");
    if (!names.isMissingNode() && !names.isNull()) {
      alertnames = new LinkedHashSet<>();
      if (!names.isArray()) {
        problems.add("heartbeats.alertnames: expected a list of alert names, like [Watchdog, DeadMansSwitch]");
      } else {
        for (int i = 0; i < names.size(); i++) {
          String name = optionalText(names.get(i), "heartbeats.alertnames[" + i + "]");
          if (name != null) {
            alertnames.add(name);
          }
        }
      }
    }
    Severity severity = HeartbeatConfig.DEFAULT.severity();
    if (node.has("severity")) {
      Severity s = severityValue(node.path("severity"), "heartbeats.severity");
      severity = s == null ? severity : s;
    }
    return new HeartbeatConfig(alertnames, severity);
  }

  private ProjectConfig project(JsonNode node, String path, ProjectConfig inherited) {
    if (node.isMissingNode() || node.isNull()) {
      return inherited;
    }
    if (!node.isObject()) {
      problems.add(path + ": expected a mapping with service_level, grouping, non_identifying, default_holder, pending");
      return inherited;
    }
    checkKeys(node, path, Set.of("service_level", "grouping", "non_identifying", "default_holder", "pending"));
    ServiceLevel level = inherited.serviceLevel();
    JsonNode levelNode = node.path("service_level");
    if (!levelNode.isMissingNode()) {
      ServiceLevel parsed = levelNode.isTextual() ? ServiceLevel.parse(levelNode.asText()) : null;
      if (parsed == null) {
        problems.add(path + ".service_level: expected one of Platinum, Gold, Silver, None, got '" + levelNode.asText() + "'");
      } else {
        level = parsed;
      }
    }
    List<String> grouping = node.has("grouping") ? names(node.path("grouping"), path + ".grouping") : inherited.grouping();
    Set<String> nonIdentifying = node.has("non_identifying")
        ? new LinkedHashSet<>(names(node.path("non_identifying"), path + ".non_identifying"))
        : inherited.nonIdentifying();
    String holder = inherited.defaultHolder();
    if (node.has("default_holder")) {
      String h = holder(node.path("default_holder"), path + ".default_holder");
      holder = h == null ? holder : h;
    }
    Map<Severity, Duration> pending = node.has("pending") ? pending(node.path("pending"), path + ".pending")
        : inherited.pending();
    return new ProjectConfig(level, grouping, nonIdentifying, holder, pending);
  }

  private SeverityRules severity(JsonNode node) {
    if (!mapping(node, "severity")) {
      return SeverityRules.DEFAULT;
    }
    checkKeys(node, "severity", Set.of("labels", "default"));
    Map<String, Severity> map = new HashMap<>(SeverityRules.DEFAULT.severityLabelMap());
    JsonNode labels = node.path("labels");
    if (mapping(labels, "severity.labels")) {
      map.clear();
      for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Severity s = severityValue(e.getValue(), "severity.labels." + e.getKey());
        if (s != null) {
          map.put(e.getKey().toLowerCase(Locale.ROOT), s);
        }
      }
    }
    Severity def = SeverityRules.DEFAULT.defaultSeverity();
    if (node.has("default")) {
      Severity s = severityValue(node.path("default"), "severity.default");
      def = s == null ? def : s;
    }
    return new SeverityRules(map, def);
  }

  private Map<Severity, Duration> pending(JsonNode node, String path) {
    Map<Severity, Duration> delays = new HashMap<>();
    if (!mapping(node, path)) {
      return delays;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Severity s = Severity.parse(e.getKey());
      if (s == null) {
        problems.add(path + "." + e.getKey() + ": expected a severity S1..S9 as key");
        continue;
      }
      Duration d = duration(e.getValue(), path + "." + e.getKey());
      if (d != null) {
        delays.put(s, d);
      }
    }
    return delays;
  }

  private Limits limits(JsonNode node) {
    Limits d = Limits.DEFAULT;
    if (!mapping(node, "limits")) {
      return d;
    }
    checkKeys(node, "limits", Set.of("max_body", "queue", "batch", "commit_timeout", "http_threads",
        "labels_per_alert", "label_name_length", "label_value_length", "annotation_value_length",
        "alerts_per_request"));
    long body = node.has("max_body") ? size(node.path("max_body"), "limits.max_body", d.maxBodyBytes()) : d.maxBodyBytes();
    int queue = node.has("queue") ? positive(node.path("queue"), "limits.queue", d.queueCapacity()) : d.queueCapacity();
    int batch = node.has("batch") ? positive(node.path("batch"), "limits.batch", d.maxBatch()) : d.maxBatch();
    Duration timeout = d.commitTimeout();
    if (node.has("commit_timeout")) {
      Duration t = duration(node.path("commit_timeout"), "limits.commit_timeout");
      timeout = t == null ? timeout : t;
    }
    int threads = node.has("http_threads") ? positive(node.path("http_threads"), "limits.http_threads", d.httpThreads()) : d.httpThreads();
    IngestLimits i = d.ingest();
    IngestLimits ingest = new IngestLimits(
        optionalPositive(node, "labels_per_alert", i.maxLabelsPerAlert()),
        optionalPositive(node, "label_name_length", i.maxLabelNameLength()),
        optionalPositive(node, "label_value_length", i.maxLabelValueLength()),
        optionalPositive(node, "annotation_value_length", i.maxAnnotationValueLength()),
        optionalPositive(node, "alerts_per_request", i.maxAlertsPerRequest()));
    return new Limits(body, queue, batch, timeout, threads, ingest);
  }

  private StreamConfig stream(JsonNode node) {
    StreamConfig d = StreamConfig.DEFAULT;
    if (!mapping(node, "stream")) {
      return d;
    }
    checkKeys(node, "stream", Set.of("keepalive", "client_queue", "max_clients", "stall_timeout", "retain_events",
        "retain_for"));
    return new StreamConfig(
        optionalDuration(node, "stream", "keepalive", d.keepalive()),
        node.has("client_queue") ? positive(node.path("client_queue"), "stream.client_queue", d.clientQueue()) : d.clientQueue(),
        node.has("max_clients") ? positive(node.path("max_clients"), "stream.max_clients", d.maxClients()) : d.maxClients(),
        optionalDuration(node, "stream", "stall_timeout", d.stallTimeout()),
        node.has("retain_events") ? positive(node.path("retain_events"), "stream.retain_events", (int) d.retainEvents())
            : d.retainEvents(),
        optionalDuration(node, "stream", "retain_for", d.retainFor()));
  }

  private Duration optionalDuration(JsonNode section, String path, String key, Duration fallback) {
    if (!section.has(key)) {
      return fallback;
    }
    Duration d = duration(section.path(key), path + "." + key);
    if (d != null && d.isZero()) {
      problems.add(path + "." + key + ": must be longer than 0s");
      return fallback;
    }
    return d == null ? fallback : d;
  }

  private PostmortemConfig postmortems(JsonNode node) {
    PostmortemConfig d = PostmortemConfig.DEFAULT;
    if (!mapping(node, "postmortems")) {
      return d;
    }
    checkKeys(node, "postmortems", Set.of("triggers", "alert_kinds", "sections", "artifacts"));
    List<PostmortemConfig.Choice> triggers = node.has("triggers")
        ? choices(node.path("triggers"), "postmortems.triggers") : d.triggers();
    List<PostmortemConfig.Choice> kinds = node.has("alert_kinds")
        ? choices(node.path("alert_kinds"), "postmortems.alert_kinds") : d.alertKinds();
    List<PostmortemConfig.Section> sections = node.has("sections")
        ? sections(node.path("sections"), "postmortems.sections") : d.sections();
    long maxBytes = d.maxArtifactBytes();
    long maxTotal = d.maxTotalBytes();
    int maxCount = d.maxArtifacts();
    JsonNode artifacts = node.path("artifacts");
    if (mapping(artifacts, "postmortems.artifacts")) {
      checkKeys(artifacts, "postmortems.artifacts", Set.of("max_bytes", "max_total", "max_count"));
      if (artifacts.has("max_bytes")) {
        maxBytes = size(artifacts.path("max_bytes"), "postmortems.artifacts.max_bytes", maxBytes);
      }
      if (artifacts.has("max_total")) {
        maxTotal = size(artifacts.path("max_total"), "postmortems.artifacts.max_total", maxTotal);
      }
      if (artifacts.has("max_count")) {
        maxCount = positive(artifacts.path("max_count"), "postmortems.artifacts.max_count", maxCount);
      }
      if (maxTotal < maxBytes) {
        problems.add("postmortems.artifacts.max_total: " + maxTotal + " bytes is less than max_bytes (" + maxBytes
            + " bytes)");
      }
    }
    return new PostmortemConfig(triggers, kinds, sections, maxBytes, maxTotal, maxCount);
  }

  /** A non-empty list of ids ({@code release}) or of {@code {id, label}} mappings, ids unique. */
  private List<PostmortemConfig.Choice> choices(JsonNode node, String path) {
    List<PostmortemConfig.Choice> out = new ArrayList<>();
    if (!sequence(node, path) || node.isEmpty()) {
      if (node.isArray()) {
        problems.add(path + ": expected at least one entry");
      }
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode item = node.get(i);
      String id;
      String label;
      if (item.isObject()) {
        checkKeys(item, at, Set.of("id", "label"));
        id = requiredText(item, at + ".id");
        label = item.has("label") ? optionalText(item.path("label"), at + ".label") : id;
      } else {
        id = optionalText(item, at);
        label = id;
      }
      if (id == null) {
        continue;
      }
      if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
        problems.add(at + ": id '" + id + "' must be lower-case letters, digits and _ (at most 40, starting with a letter)");
      } else if (!ids.add(id)) {
        problems.add(at + ": duplicate id '" + id + "'");
      } else if (label != null) {
        out.add(new PostmortemConfig.Choice(id, label));
      }
    }
    return out;
  }

  private List<PostmortemConfig.Section> sections(JsonNode node, String path) {
    List<PostmortemConfig.Section> out = new ArrayList<>();
    if (!sequence(node, path)) {
      return out;
    }
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        problems.add(at + ": expected a mapping with title and questions");
        continue;
      }
      checkKeys(item, at, Set.of("title", "questions"));
      String title = requiredText(item, at + ".title");
      List<String> questions = new ArrayList<>();
      JsonNode q = item.path("questions");
      if (sequence(q, at + ".questions")) {
        for (int k = 0; k < q.size(); k++) {
          String text = optionalText(q.get(k), at + ".questions[" + k + "]");
          if (text != null) {
            questions.add(text);
          }
        }
      }
      if (title != null && !titles.add(title.toLowerCase(Locale.ROOT))) {
        problems.add(at + ".title: duplicate section '" + title + "'");
      } else if (title != null) {
        out.add(new PostmortemConfig.Section(title, questions));
      }
    }
    return out;
  }

  private int optionalPositive(JsonNode limits, String key, int fallback) {
    return limits.has(key) ? positive(limits.path(key), "limits." + key, fallback) : fallback;
  }

  // ---- small typed readers, each adding a located problem instead of throwing ----

  private void checkKeys(JsonNode node, String path, Set<String> allowed) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problems.add((path.isEmpty() ? key : path + "." + key) + ": unknown key, expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private boolean mapping(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isObject()) {
      problems.add(path + ": expected a mapping");
      return false;
    }
    return true;
  }

  private boolean sequence(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isArray()) {
      problems.add(path + ": expected a list");
      return false;
    }
    return true;
  }

  private String requiredText(JsonNode parent, String path) {
    String field = path.substring(path.lastIndexOf('.') + 1);
    JsonNode node = parent.path(field);
    if (node.isMissingNode() || node.isNull()) {
      problems.add(path + ": required");
      return null;
    }
    return optionalText(node, path);
  }

  private String optionalText(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isValueNode() || node.asText().isBlank()) {
      problems.add(path + ": expected a non-empty string");
      return null;
    }
    return node.asText();
  }

  private List<String> names(JsonNode node, String path) {
    List<String> names = new ArrayList<>();
    if (!node.isArray()) {
      problems.add(path + ": expected a list of label names");
      return names;
    }
    for (int i = 0; i < node.size(); i++) {
      String name = node.get(i).isTextual() ? node.get(i).asText() : "";
      if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
        problems.add(path + "[" + i + "]: expected a label name ([a-zA-Z_][a-zA-Z0-9_]*), got '" + node.get(i).asText() + "'");
      } else {
        names.add(name);
      }
    }
    return names;
  }

  private Severity severityValue(JsonNode node, String path) {
    Severity s = node.isValueNode() ? Severity.parse(node.asText()) : null;
    if (s == null) {
      problems.add(path + ": expected a severity S1..S9, got '" + node.asText() + "'");
    }
    return s;
  }

  private Duration duration(JsonNode node, String path) {
    Duration d = node.isValueNode() ? durationOf(node.asText()) : null;
    if (d == null) {
      problems.add(path + ": expected a duration like 30s, 5m, 2h, 1d, got '" + node.asText() + "'");
    }
    return d;
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, as in the configuration; null when it is not one. */
  public static Duration durationOf(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches() || m.group(1).length() > 9) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms": return Duration.ofMillis(n);
      case "s": return Duration.ofSeconds(n);
      case "m": return Duration.ofMinutes(n);
      case "h": return Duration.ofHours(n);
      default: return Duration.ofDays(n);
    }
  }

  private long size(JsonNode node, String path, long fallback) {
    Matcher m = SIZE.matcher(node.isValueNode() ? node.asText().trim() : "");
    if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
      problems.add(path + ": expected a size like 8MiB, 512KiB or a byte count, got '" + node.asText() + "'");
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    switch (unit) {
      case "KiB": return n * 1024;
      case "MiB": return n * 1024 * 1024;
      case "GiB": return n * 1024 * 1024 * 1024;
      default: return n;
    }
  }

  private int positive(JsonNode node, String path, int fallback) {
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() <= 0) {
      problems.add(path + ": expected a positive whole number, got '" + node.asText() + "'");
      return fallback;
    }
    return node.asInt();
  }
}
