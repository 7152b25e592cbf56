package dev.baton.server.pipeline;

import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import dev.baton.server.alert.Alert;
import dev.baton.server.alert.AlertChange;
import dev.baton.server.alert.AlertIdentity;
import dev.baton.server.alert.AlertKey;
import dev.baton.server.alert.AlertState;
import dev.baton.server.alert.AlertTracker;
import dev.baton.server.alert.Fingerprint;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ProjectConfig;
import dev.baton.server.config.TriageRule;
import dev.baton.server.config.SourceConfig;
import dev.baton.server.heartbeat.Heartbeats;
import dev.baton.server.heartbeat.SourceState;
import dev.baton.server.incident.Incident;
import dev.baton.server.incident.IncidentAction;
import dev.baton.server.incident.IncidentChange;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.incident.IncidentStatus;
import dev.baton.server.incident.IncidentTracker;
import dev.baton.server.incident.Refusal;
import dev.baton.server.incident.Relay;
import dev.baton.server.ingest.Event;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.policy.Escalations;
import dev.baton.server.policy.PendingDelays;
import dev.baton.server.policy.Routing;
import dev.baton.server.policy.Severity;
import dev.baton.server.policy.SlaClass;
import dev.baton.server.policy.SnoozeRule;
import dev.baton.server.policy.SnoozeRuleChange;
import dev.baton.server.policy.SnoozeRules;
import dev.baton.server.policy.Triage;
import dev.baton.server.store.HotState;
import dev.baton.server.store.JsonColumn;
import dev.baton.server.store.Store;
import dev.baton.server.store.StoreTransaction;
import dev.baton.server.store.StoredIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Derives everything from events inside the writer's transaction: alert state, firing periods,
 * incidents and their timelines. Holds the hot state; runs only on the writer thread.
 */
final class Processor {

  static final String SYSTEM_ACTOR = "baton";
  /** Actions of a triage rule are by {@code triage:<rule name>}. */
  static final String TRIAGE_ACTOR = "triage:";
  /** The timeline entry of a triage rule's action (report.SlaReports reads it). */
  static final String TRIAGED = "triaged";
  private static final String NO_STATE = "none";
  private static final String DEDUP_KEY = "dedup_key";

  private final Store store;
  private BatonConfig config;
  private final ReceiverMetrics metrics;
  private final Duration retainIdle;
  private final Escalations escalations = new Escalations();
  private final SnoozeRules snoozeRules = new SnoozeRules();
  private final Heartbeats heartbeats = new Heartbeats();
  private final Map<ProjectConfig, AlertIdentity> identities = new IdentityHashMap<>();
  private AlertTracker alerts;
  private IncidentTracker incidents;
  private Map<String, Long> alertsByState;
  private Map<String, Long> incidentsByStatusClass;
  /** At the last load every stored alert was active, so the warm-up brings every one into memory. */
  private boolean everyStoredAlertActive;
  /** Rows changed in the current transaction, written once each by {@link #flush}. */
  private final Set<Alert> dirtyAlerts = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Incident> dirtyIncidents = Collections.newSetFromMap(new IdentityHashMap<>());

  Processor(Store store, BatonConfig config, ReceiverMetrics metrics, Duration retainIdle) {
    this.store = store;
    this.config = config;
    this.metrics = metrics;
    this.retainIdle = retainIdle;
  }

  /**
   * (Re)loads the hot state from the store: at start, and after a failed transaction. Active
   * alerts are not read here: until {@link #warm} brings them, the tracker looks alerts up.
   */
  void load(long now) {
    HotState hot = store.loadHotState();
    long stored = hot.alertsByState().values().stream().mapToLong(Long::longValue).sum();
    long active = hot.alertsByState().entrySet().stream()
        .filter(e -> !e.getKey().equals("instant") && AlertState.fromWire(e.getKey()).active())
        .mapToLong(Map.Entry::getValue).sum();
    alerts = stored == 0 ? new AlertTracker(store::loadAlert, retainIdle, hot.nextAlertId(), List.of(), true)
        : AlertTracker.cold(store::loadAlert, retainIdle, hot.nextAlertId());
    everyStoredAlertActive = stored == active;
    dirtyAlerts.clear();
    dirtyIncidents.clear();
    incidents = new IncidentTracker(store::lastIncidentId, hot.nextIncidentId(), hot.openIncidents());
    incidents.slaTable(config.sla());
    escalations.load(hot.escalations());
    snoozeRules.load(store.activeSnoozeRules());
    heartbeats.load(store.loadSources());
    heartbeats.configure(config, now);
    alertsByState = new HashMap<>();
    hot.alertsByState().forEach((state, n) -> alertsByState.put(state.equals("instant") ? NO_STATE : state, n));
    incidentsByStatusClass = new HashMap<>();
    hot.closedIncidents().forEach((slaClass, n) -> incidentsByStatusClass.put(statusClass("closed", slaClass), n));
    for (Incident i : hot.openIncidents()) {
      incidentsByStatusClass.merge(statusClass(i.status().wire(), i.slaClass().wire()), 1L, Long::sum);
    }
  }

  /** Whether {@link #warm} is still to come since the last {@link #load}. */
  boolean cold() {
    return alerts.cold();
  }

  /** Brings in the active alerts read (by another thread) after {@link #load}. */
  void warm(List<Alert> active) {
    alerts.warm(active, everyStoredAlertActive);
  }

  /** Takes a reloaded configuration: what arrives from now on follows it. */
  void reconfigure(BatonConfig next, long now) {
    config = next;
    identities.clear();
    heartbeats.configure(next, now);
    if (incidents != null) {
      incidents.slaTable(next.sla());
    }
  }

  String describeHotState() {
    return incidents.openIncidents().size() + " open incidents";
  }

  void submit(Submission s, StoreTransaction tx) {
    long now = s.receivedAt();
    String source = s.source().name();
    int alertEvents = 0;
    for (Event e : s.events()) {
      if (!heartbeats.isHeartbeat(e)) {
        alertEvents++;
      }
    }
    long messageId = tx.insertMessage(now, source, s.endpoint(), s.client(), s.contentType(), s.body(), alertEvents);
    for (Event e : s.events()) {
      if (heartbeats.isHeartbeat(e)) {
        // a Watchdog is the source's proof of life, not a problem: no alert, no incident
        if (e.status() == Event.Status.FIRING) {
          beat(source, now, tx);
        }
        continue;
      }
      String project = e.labels().get("project");
      if (project == null || project.isEmpty()) {
        project = s.source().defaultProject() == null ? BatonConfig.DEFAULT_PROJECT : s.source().defaultProject();
      }
      if (namesAlertByDedupKey(e)) {
        applyByDedupKey(project, e, s, messageId, now, tx);
        continue;
      }
      AlertChange change = observe(project, e, Origin.ingest(source), now, tx);
      tx.insertEvent(messageId, change.alert().id(), e);
    }
    heartbeats.received(source, alertEvents, now);
  }

  /** Applies one event to its alert (and the alert's incident); the change. */
  private AlertChange observe(String project, Event e, Origin origin, long now, StoreTransaction tx) {
    ProjectConfig pc = config.project(project);
    AlertKey key = identities.computeIfAbsent(pc, p -> new AlertIdentity(p.nonIdentifying())).keyOf(e, project);
    Severity severity = config.severity().of(e.labels());
    long amFingerprint = Fingerprint.of((SortedMap<String, String>) e.labels());
    long annotationsHash = Fingerprint.of((SortedMap<String, String>) e.annotations());
    AlertChange change = alerts.observe(key, e, severity, groupingKey(project, pc, e.labels()), amFingerprint,
        annotationsHash, now, PendingDelays.of(config, key.project(), e.annotations()), incidents::isOpen);
    persist(change, e, origin, amFingerprint, now, tx);
    return change;
  }

  /**
   * Who caused an alert change: the source whose name goes on a new alert and into routing (null
   * when the clock did), the actor written on the timeline, and why, when the timeline must say
   * more than the states (null otherwise).
   */
  private record Origin(String source, String actor, Map<String, Object> why) {

    static Origin ingest(String source) {
      return new Origin(source, source, null);
    }

    static final Origin CLOCK = new Origin(null, SYSTEM_ACTOR, null);
  }

  /** A PagerDuty acknowledge or resolve: labels exactly {@code {dedup_key: K}}, no annotations. */
  private static boolean namesAlertByDedupKey(Event e) {
    return e.status() != Event.Status.FIRING && e.dedupKey() != null && e.annotations().isEmpty()
        && e.labels().size() == 1 && e.dedupKey().equals(e.labels().get(DEDUP_KEY));
  }

  /** Applies the event to the alert with its dedup key, or drops it (counted) when there is none, as PagerDuty does. */
  private void applyByDedupKey(String project, Event e, Submission s, long messageId, long now, StoreTransaction tx) {
    AlertKey key = store.findByDedupKey(project, e.dedupKey());
    AlertChange change = key == null ? null : alerts.acknowledgeOrResolve(key, e.status(), now);
    if (change == null) {
      metrics.alertsRejected.inc(1, s.source().name(), s.endpoint(), "unknown_dedup_key");
      return;
    }
    persist(change, e, Origin.ingest(s.source().name()), 0, now, tx);
    tx.insertEvent(messageId, change.alert().id(), e);
  }

  void tick(long now, StoreTransaction tx) {
    for (AlertChange change : alerts.tick(now)) {
      persist(change, null, Origin.CLOCK, 0, now, tx);
    }
    for (Heartbeats.Silence silence : heartbeats.due(now)) {
      sourceWentSilent(silence, now, tx);
    }
    for (SourceState dropped : heartbeats.unwatched()) {
      resolveNoData(dropped, "no_longer_watched", now, tx);
    }
    for (Incident i : incidents.wakeEnded(now)) {
      recount(IncidentStatus.SNOOZED, i.slaClass(), i);
      dirtyIncidents.add(i);
      tx.timeline(i.id(), now, SYSTEM_ACTOR, "woke", woke("snooze_ended", i));
    }
    for (SnoozeRule r : snoozeRules.endedBy(now)) {
      tx.endSnoozeRule(r.id(), now); // its incidents' snoozes end at the same time: woken above
    }
    for (Escalations.Move m : escalations.due(incidents.openIncidents(), config.teams(), now,
        tx::escalationProgress)) {
      Incident i = m.incident();
      incidents.pass(i, m.to(), now);
      tx.appendHolder(i.id(), m.to());
      dirtyIncidents.add(i);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("from", m.from());
      detail.put("to", m.to());
      detail.put("rule", "teams." + m.team().substring(1) + ".escalation[" + (m.step() - 1) + "]");
      detail.put("not_taken_by", Instant.ofEpochMilli(m.dueAt()).toString());
      tx.timeline(i.id(), now, SYSTEM_ACTOR, "escalated", json(detail));
    }
  }

  /**
   * Shift handover: every open incident {@code from} holds goes to {@code to} with the comment, as
   * one handover each, all in this transaction.
   *
   * @return the incidents handed over, by id
   */
  List<Long> handOverShift(String from, String to, String comment, String actor, long now, StoreTransaction tx) {
    List<Long> held = new ArrayList<>();
    for (Incident i : incidents.openIncidents()) {
      if (i.holding().holder().equals(from)) {
        held.add(i.id());
      }
    }
    Collections.sort(held);
    for (long id : held) {
      act(new IncidentAction(id, actor, null, new IncidentCommand.Handover(to, comment)), now, tx);
    }
    return held;
  }

  /**
   * Applies a person's action to an incident.
   *
   * @throws Refusal when the incident's state does not allow it; nothing was applied then
   */
  void act(IncidentAction action, long now, StoreTransaction tx) {
    Incident i = incidents.open(action.incidentId());
    if (i == null) {
      actOnClosed(action, now, tx);
      return;
    }
    Relay.Outcome o = Relay.apply(i, action, config.sla(), now);
    if (o == null) {
      return;
    }
    if (o.closes()) {
      incidents.close(i.id(), now);
    } else if (o.appendedHolder() != null) {
      tx.appendHolder(i.id(), o.appendedHolder());
      escalations.handedOver(i.id(), tx::escalationProgress);
    } else if (action.command() instanceof IncidentCommand.Describe d) {
      tx.describeIncident(i.id(), d.shortDescription(), d.longDescription());
    }
    recount(o.statusBefore(), o.slaClassBefore(), i);
    dirtyIncidents.add(i);
    tx.timeline(i.id(), now, action.actor(), o.kind(), json(o.detail()));
    if (action.command() instanceof IncidentCommand.Snooze s && s.closeIfOk() && i.state() == AlertState.OK) {
      // already all ok: what close-if-ok waits for has happened
      incidents.close(i.id(), now);
      recount(IncidentStatus.SNOOZED, i.slaClass(), i);
      tx.timeline(i.id(), now, SYSTEM_ACTOR, "closed", closedAsOk());
    }
  }

  private static String closedAsOk() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", "all_alerts_ok");
    detail.put("comment", "closed by its snooze (close if ok): all its alerts are ok");
    return json(detail);
  }

  /** Closed incidents (not held in memory) take descriptions and comments, for post-mortems; nothing else. */
  private void actOnClosed(IncidentAction action, long now, StoreTransaction tx) {
    long id = action.incidentId();
    StoredIncident stored = store.storedIncident(id);
    if (stored == null) {
      throw Refusal.notFound(id);
    }
    Relay.checkVersion(id, stored.version(), stored.holder(), action.expectedVersion());
    IncidentCommand command = action.command();
    if (command instanceof IncidentCommand.Describe d) {
      tx.describeIncident(id, d.shortDescription(), d.longDescription());
      tx.timeline(id, now, action.actor(), "described", json(Relay.describeDetail(d)));
    } else if (command instanceof IncidentCommand.Comment c) {
      tx.timeline(id, now, action.actor(), "commented", json("text", c.text()));
    } else {
      throw new Refusal(Refusal.Reason.CONFLICT, "incident " + id + " is " + stored.status().wire() + "; only describe"
          + " and comment apply to a closed incident, not " + command.name(), stored.version(), stored.holder());
    }
    tx.touchClosedIncident(id, stored.version() + 1, now);
  }

  /** Moves the incident between the status-and-class counters when either changed. */
  private void recount(IncidentStatus statusBefore, SlaClass classBefore, Incident i) {
    if (statusBefore != i.status() || classBefore != i.slaClass()) {
      incidentsByStatusClass.merge(statusClass(statusBefore.wire(), classBefore.wire()), -1L, Long::sum);
      incidentsByStatusClass.merge(statusClass(i.status().wire(), i.slaClass().wire()), 1L, Long::sum);
    }
  }

  private static String woke(String reason, Incident i) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("status", i.status().wire());
    detail.put("holder", i.holding().holder());
    return json(detail);
  }

  /**
   * Writes every alert and incident changed in this transaction, once each, and the source
   * bookkeeping when due; before the commit.
   */
  void flush(StoreTransaction tx, long now) {
    for (Alert a : dirtyAlerts) {
      if (a.statusChanged()) {
        tx.updateAlert(a);
        a.statusWritten();
      } else {
        tx.touchAlert(a);
      }
    }
    for (Incident i : dirtyIncidents) {
      tx.updateIncident(i);
    }
    dirtyAlerts.clear();
    dirtyIncidents.clear();
    tx.saveSources(heartbeats.drainChanged(now));
  }

  /** Publishes the counters to the gauges; after a commit, so they never show rolled-back work. */
  void publishGauges() {
    for (SourceState source : heartbeats.all()) {
      if (source.lastHeartbeatAt() != 0) {
        metrics.sourceLastHeartbeat.set(source.lastHeartbeatAt() / 1000, source.name());
      }
      metrics.sourceMissing.set(source.missing() ? 1 : 0, source.name());
    }
    for (SourceConfig source : config.sources()) {
      if (source.heartbeat() != null && !heartbeats.state(source.name()).missing()) {
        metrics.sourceMissing.set(0, source.name()); // watched, never heard of yet: a series to alert on
      }
    }
    alertsByState.forEach((state, n) -> metrics.alertsByState.set(n, state));
    incidentsByStatusClass.forEach((key, n) -> {
      int bar = key.indexOf('|');
      metrics.incidents.set(n, key.substring(0, bar), key.substring(bar + 1));
    });
  }

  private void persist(AlertChange c, Event e, Origin origin, long amFingerprint, long now, StoreTransaction tx) {
    Alert a = c.alert();
    if (c.closedPeriodStart() != 0) {
      // the period in progress lives on the alert row (period_start); ended ones get their own row
      tx.insertPeriod(a.id(), c.closedPeriodStart(), c.closedPeriodEnd(), c.closedReason());
    }
    if (c.resolvedWhilePending()) {
      metrics.resolvedWhilePending.inc(1);
      tx.insertPendingNoise(a, now);
    }
    ProjectConfig pc = config.project(a.key().project());
    Attachment attach = attachment(c, e, origin);
    IncidentChange ic = incidents.follow(c, a.trigger(), pc.serviceLevel(), pc.defaultHolder(),
        attach == null ? null : attach.cause(), now);
    if (c.created()) {
      tx.insertAlert(a, e, origin.source(), amFingerprint);
      a.statusWritten();
      alertsByState.merge(stateName(a.state()), 1L, Long::sum);
    } else {
      if (e != null && (c.labelsChanged() || c.annotationsChanged())) {
        tx.updateAlertLabels(a, e, amFingerprint);
      }
      dirtyAlerts.add(a);
      if (c.stateChanged()) {
        alertsByState.merge(stateName(c.before()), -1L, Long::sum);
        alertsByState.merge(stateName(a.state()), 1L, Long::sum);
      }
    }
    if (ic != null) {
      record(ic, c, e, origin, now, tx);
      if (attach != null && ic.joined() && ic.incident() == attach.cause()) {
        Map<String, Object> detail = triaged(attach.rule());
        detail.put("alert_id", a.id());
        detail.put("caused_by", attach.named());
        tx.timeline(attach.cause().id(), now, SYSTEM_ACTOR, TRIAGED, json(detail));
      }
      closeIfOkBeforeTaken(ic, now, tx);
    }
  }

  /** An alert that joins the incident of its cause instead of opening its own, by the rule that says so. */
  private record Attachment(TriageRule rule, Incident cause, String named) {}

  /**
   * The open incident an alert that needs one joins by an {@code attach_to_cause} rule: the alert
   * is in no open incident, none is open for its grouping key, it names its cause
   * ({@code baton_caused_by}), that cause has an open incident, and a rule matches the alert.
   */
  private Attachment attachment(AlertChange c, Event e, Origin origin) {
    Alert a = c.alert();
    if (!c.needsIncident() || !Triage.any(config.triage(), TriageRule.Action.ATTACH_TO_CAUSE)
        || incidents.isOpen(a.incidentId()) || incidents.hasOpenKey(a.groupingKey())) {
      return null;
    }
    String named = (e != null ? e.annotations() : store.alertAnnotations(a.id())).get(Triage.CAUSED_BY);
    Triage.Cause cause = Triage.cause(named);
    if (cause == null) {
      return null;
    }
    Incident incident;
    if (cause instanceof Triage.Cause.Incident id) {
      incident = incidents.open(id.id());
    } else if (cause instanceof Triage.Cause.Alert fingerprint) {
      Alert causing = store.loadAlert(new AlertKey(a.key().project(), fingerprint.fingerprint()));
      incident = causing == null ? null : incidents.open(causing.incidentId());
    } else {
      incident = incidents.openWithTrigger(a.key().project(), ((Triage.Cause.Trigger) cause).name());
    }
    if (incident == null) {
      return null;
    }
    Map<String, String> labels = e != null ? e.labels() : store.alertLabels(a.id());
    TriageRule rule = Triage.first(config.triage(), TriageRule.Action.ATTACH_TO_CAUSE, Triage.alertSubject(
        a.key().project(), a.trigger(), a.severity(), a.state(), origin.source(), labels));
    return rule == null ? null : new Attachment(rule, incident, named.strip());
  }

  /** A new incident: the first matching set_severity and route rules act on it, as actor {@code triage:<rule>}. */
  private void triageAtOpening(Incident i, Subject opening, long now, StoreTransaction tx) {
    for (TriageRule rule : Triage.atOpening(config.triage(), opening)) {
      String comment = "triage rule " + rule.name() + " (" + rule.mql() + ")";
      Map<String, Object> detail = triaged(rule);
      IncidentCommand command;
      if (rule.action() == TriageRule.Action.SET_SEVERITY) {
        if (rule.severity().equals(i.severity())) {
          continue;
        }
        detail.put("severity", rule.severity().toString());
        command = new IncidentCommand.SetSeverity(rule.severity(), comment);
      } else {
        if (rule.to().equals(i.holding().holder())) {
          continue;
        }
        detail.put("to", rule.to());
        command = new IncidentCommand.Handover(rule.to(), comment);
      }
      tx.timeline(i.id(), now, SYSTEM_ACTOR, TRIAGED, json(detail));
      act(new IncidentAction(i.id(), TRIAGE_ACTOR + rule.name(), null, command), now, tx);
    }
  }

  /**
   * An incident whose alerts have all just turned ok while nobody holds it taken closes when a
   * {@code close_if_ok_before_taken} rule matches it.
   */
  private void closeIfOkBeforeTaken(IncidentChange ic, long now, StoreTransaction tx) {
    Incident i = ic.incident();
    if (ic.stateBefore() == AlertState.OK || i.state() != AlertState.OK || i.holding().taken()
        || !incidents.isOpen(i.id()) || !Triage.any(config.triage(), TriageRule.Action.CLOSE_IF_OK_BEFORE_TAKEN)) {
      return;
    }
    TriageRule rule = Triage.first(config.triage(), TriageRule.Action.CLOSE_IF_OK_BEFORE_TAKEN,
        Routing.subject(i, store.incidentLabels(i.id()), null));
    if (rule == null) {
      return;
    }
    tx.timeline(i.id(), now, SYSTEM_ACTOR, TRIAGED, json(triaged(rule)));
    act(new IncidentAction(i.id(), TRIAGE_ACTOR + rule.name(), null, new IncidentCommand.Close(
        "triage rule " + rule.name() + " (" + rule.mql() + "): all its alerts are ok and nobody took it")), now, tx);
  }

  /** The detail of a {@code triaged} timeline entry: the rule, its query and its action. */
  private static Map<String, Object> triaged(TriageRule rule) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("rule", rule.name());
    detail.put("mql", rule.mql());
    detail.put("action", rule.action().wire());
    return detail;
  }

  private void record(IncidentChange ic, AlertChange c, Event e, Origin origin, long now, StoreTransaction tx) {
    String actor = origin.actor();
    Incident i = ic.incident();
    Subject opening = null; // a new incident as MQL sees it, for routing and snooze rules
    Alert a = c.alert();
    if (ic.opened()) {
      opening = Routing.subject(i, List.of(e != null ? e.labels() : store.alertLabels(a.id())), origin.source());
      Routing.Decision route = Routing.route(config.routing(), i.holding().holder(), opening);
      List<String> chain = route.chain();
      if (!chain.get(0).equals(i.holding().holder())) {
        incidents.pass(i, chain.get(0), now);
      }
      tx.insertIncident(i);
      for (String holder : chain.subList(1, chain.size())) {
        incidents.pass(i, holder, now);
        tx.appendHolder(i.id(), holder);
        dirtyIncidents.add(i);
      }
      incidentsByStatusClass.merge(statusClass(i.status().wire(), i.slaClass().wire()), 1L, Long::sum);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("trigger", i.trigger());
      detail.put("grouping_key", i.groupingKey());
      detail.put("severity", i.severity().toString());
      detail.put("sla_class", i.slaClass().wire());
      detail.put("response_due_at", i.responseDueAt() == 0 ? null : Instant.ofEpochMilli(i.responseDueAt()).toString());
      detail.put("previous_incident", i.previousId() == 0 ? null : i.previousId());
      tx.timeline(i.id(), now, actor, "opened", json(detail));
      if (route.rule() != null) {
        Map<String, Object> routed = new LinkedHashMap<>();
        routed.put("rule", route.rule().name());
        routed.put("mql", route.rule().text());
        routed.put("to", route.holder());
        routed.put("chain", chain);
        tx.timeline(i.id(), now, SYSTEM_ACTOR, "routed", json(routed));
      }
    } else if (ic.joined() || ic.stateBefore() != i.state() || ic.severityRaised() || ic.wokeBecause() != null
        || ic.closedAsOk()) {
      dirtyIncidents.add(i);
      recount(ic.statusBefore(), ic.slaClassBefore(), i);
    }
    if (ic.joined()) {
      tx.linkAlert(i.id(), a.id(), now);
      Map<String, Object> detail = alertDetail(a);
      detail.put("state", a.state() == null ? NO_STATE : a.state().wire());
      if (origin.why() != null) {
        detail.putAll(origin.why());
      }
      tx.timeline(i.id(), now, actor, "alert_joined", json(detail));
    } else if (c.stateChanged()) {
      Map<String, Object> detail = alertDetail(a);
      detail.put("from", stateName(c.before()));
      detail.put("to", stateName(a.state()));
      if (origin.why() != null) {
        detail.putAll(origin.why());
      }
      tx.timeline(i.id(), now, actor, "alert_state", json(detail));
    } else if (a.kind() == Event.Kind.INSTANT) {
      tx.timeline(i.id(), now, actor, "alert_repeated", json(alertDetail(a)));
    } else if (e != null && e.status() == Event.Status.ACKNOWLEDGED) {
      tx.timeline(i.id(), now, actor, "alert_acknowledged", json(alertDetail(a)));
    }
    if (ic.severityRaised()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("from", ic.severityBefore().toString());
      detail.put("to", i.severity().toString());
      detail.put("sla_class", i.slaClass().wire());
      detail.put("response_due_at", i.responseDueAt() == 0 ? null : Instant.ofEpochMilli(i.responseDueAt()).toString());
      tx.timeline(i.id(), now, actor, "severity_raised", json(detail));
    }
    if (ic.wokeBecause() != null) {
      tx.timeline(i.id(), now, SYSTEM_ACTOR, "woke", woke(ic.wokeBecause(), i));
    }
    if (ic.closedAsOk()) {
      tx.timeline(i.id(), now, SYSTEM_ACTOR, "closed", closedAsOk());
    }
    if (opening != null) {
      triageAtOpening(i, opening, now, tx);
      SnoozeRule rule = snoozeRules.firstMatch(opening);
      if (rule != null) {
        snoozeByRule(i, rule, now, tx);
      }
    }
  }

  /**
   * A heartbeat call ({@code POST /api/v1/heartbeat/{source}}) of a configured source.
   *
   * @return the source's bookkeeping after it
   * @throws Refusal when no configured source has that name; nothing was applied then
   */
  SourceState heartbeat(String source, long now, StoreTransaction tx) {
    if (config.source(source).isEmpty()) {
      throw new Refusal(Refusal.Reason.NOT_FOUND, "no source named '" + source + "' in the configuration's sources"
          + " (configured: " + config.sources().stream().map(SourceConfig::name).sorted().toList() + ")", 0, null);
    }
    beat(source, now, tx);
    return heartbeats.state(source);
  }

  /** A heartbeat of {@code source}; when it was missing, its no-data-for alert turns ok. */
  private void beat(String source, long now, StoreTransaction tx) {
    SourceState before = heartbeats.beat(source, now);
    if (before.missing()) {
      resolveNoData(before, "heartbeat_returned", now, tx);
    }
  }

  /**
   * A watched source missed its heartbeat: the alerts it was refreshing (and nobody else since)
   * turn unknown, and its no-data-for alert fires, opening or joining an incident.
   */
  private void sourceWentSilent(Heartbeats.Silence silence, long now, StoreTransaction tx) {
    SourceConfig source = silence.source();
    SourceState state = silence.state();
    Map<String, Object> why = new LinkedHashMap<>();
    why.put("reason", "no_heartbeat");
    why.put("source", source.name());
    why.put("heartbeat", source.heartbeat().toString());
    why.put("last_heartbeat", state.lastHeartbeatAt() == 0 ? null : Instant.ofEpochMilli(state.lastHeartbeatAt()).toString());
    Origin silent = new Origin(source.name(), SYSTEM_ACTOR, why);
    for (AlertKey key : store.firingAlerts(source.name())) {
      AlertChange change = alerts.silence(key, state.lastMessageAt(), now);
      if (change != null) {
        persist(change, null, silent, 0, now, tx);
      }
    }
    Severity severity = source.heartbeatSeverity() != null ? source.heartbeatSeverity() : config.heartbeats().severity();
    Event fires = new Event(noDataLabels(source.name(), state.noDataProject(), severity), noDataAnnotations(source.name()),
        Event.Kind.LASTING, Event.Status.FIRING, Instant.ofEpochMilli(state.missingSince()), null, null, null, null);
    observe(state.noDataProject(), fires, silent, now, tx);
  }

  /** The source's heartbeat is back (or it is no longer watched): its no-data-for alert turns ok. */
  private void resolveNoData(SourceState missing, String reason, long now, StoreTransaction tx) {
    String name = missing.name();
    Severity severity = config.source(name).map(SourceConfig::heartbeatSeverity).orElse(null);
    Map<String, Object> why = new LinkedHashMap<>();
    why.put("reason", reason);
    why.put("source", name);
    why.put("missing_since", Instant.ofEpochMilli(missing.missingSince()).toString());
    Event resolves = new Event(noDataLabels(name, missing.noDataProject(),
        severity != null ? severity : config.heartbeats().severity()), noDataAnnotations(name), Event.Kind.LASTING,
        Event.Status.RESOLVED, null, Instant.ofEpochMilli(now), null, null, null);
    observe(missing.noDataProject(), resolves, new Origin(name, SYSTEM_ACTOR, why), now, tx);
  }

  /** The no-data-for alert of a source: trigger {@code no-data-for}, the source named by the {@code source} label. */
  private static Map<String, String> noDataLabels(String source, String project, Severity severity) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", Heartbeats.NO_DATA_FOR);
    labels.put("project", project);
    labels.put("source", source);
    labels.put("severity_level", Integer.toString(severity.level()));
    return labels;
  }

  private static Map<String, String> noDataAnnotations(String source) {
    return Map.of("summary", "No heartbeat from source " + source,
        "description", "Baton has not heard the heartbeat of source `" + source + "` (its Watchdog alert, or `POST"
            + " /api/v1/heartbeat/" + source + "`) within its heartbeat interval. The alerts it was sending are"
            + " unknown until it is heard again; this alert turns ok when its heartbeat returns.");
  }

  /** The snooze rules in force, for the API (any thread). */
  List<SnoozeRule> snoozeRules() {
    return snoozeRules.snapshot();
  }

  /**
   * A new snooze rule: stored, and every open incident it matches that is not snoozed yet is
   * snoozed until it ends, each with a {@code snoozed} entry by {@code rule:<id>}.
   *
   * @return the rule, and the incidents it snoozed now
   */
  SnoozeRuleChange createSnoozeRule(String mql, CompiledQuery query, long until, String comment, String author,
      long now, StoreTransaction tx) {
    long id = tx.insertSnoozeRule(mql, until, comment, author, now);
    SnoozeRule rule = new SnoozeRule(id, mql, until, comment, author, now);
    snoozeRules.add(rule, query);
    List<Long> snoozed = new ArrayList<>();
    for (Incident i : List.copyOf(incidents.openIncidents())) {
      if (i.status() != IncidentStatus.SNOOZED
          && query.test(Routing.subject(i, store.incidentLabels(i.id()), null))) {
        snoozeByRule(i, rule, now, tx);
        snoozed.add(i.id());
      }
    }
    Collections.sort(snoozed);
    return new SnoozeRuleChange(rule, snoozed);
  }

  /**
   * Ends a snooze rule before its time: the incidents it snoozed wake now.
   *
   * @throws Refusal when no rule in force has that id
   */
  SnoozeRuleChange endSnoozeRule(long id, String actor, long now, StoreTransaction tx) {
    SnoozeRule rule = snoozeRules.remove(id);
    if (rule == null) {
      throw new Refusal(Refusal.Reason.NOT_FOUND, "no snooze rule " + id + " in force", 0, null);
    }
    tx.endSnoozeRule(id, now);
    List<Long> woken = new ArrayList<>();
    for (Incident i : List.copyOf(incidents.openIncidents())) {
      if (i.status() == IncidentStatus.SNOOZED && rule.snoozedBy().equals(i.snooze().by())) {
        act(new IncidentAction(i.id(), actor, null, new IncidentCommand.Unsnooze(
            "snooze rule " + id + " ended by " + actor)), now, tx);
        woken.add(i.id());
      }
    }
    Collections.sort(woken);
    return new SnoozeRuleChange(rule, woken);
  }

  private void snoozeByRule(Incident i, SnoozeRule rule, long now, StoreTransaction tx) {
    act(new IncidentAction(i.id(), rule.snoozedBy(), null, new IncidentCommand.Snooze(rule.until(), false, false,
        "snooze rule " + rule.id() + " (" + rule.mql() + ") by " + rule.author() + ": " + rule.comment())), now, tx);
  }

  private static Map<String, Object> alertDetail(Alert a) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alert_id", a.id());
    detail.put("fingerprint", Fingerprint.hex(a.key().fingerprint()));
    detail.put("trigger", a.trigger());
    detail.put("severity", a.severity().toString());
    return detail;
  }

  /** {@code {project="x",alertname="Foo"}}: the project and the values of the project's grouping labels. */
  static String groupingKey(String project, ProjectConfig pc, Map<String, String> labels) {
    StringBuilder b = new StringBuilder(64).append("{project=\"").append(escape(project)).append('"');
    for (String name : pc.grouping()) {
      if (name.equals("project")) {
        continue;
      }
      String value = labels.get(name);
      b.append(',').append(name).append("=\"").append(value == null ? "" : escape(value)).append('"');
    }
    return b.append('}').toString();
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String stateName(AlertState s) {
    return s == null ? NO_STATE : s.wire();
  }

  private static String statusClass(String status, String slaClass) {
    return status + "|" + slaClass;
  }

  private static String json(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return json(m);
  }

  private static String json(Map<String, Object> detail) {
    return JsonColumn.object(detail);
  }
}
