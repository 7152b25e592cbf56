package dev.baton.server.policy;

import dev.baton.mql.Mql;
import dev.baton.mql.eval.Subject;
import dev.baton.server.alert.AlertState;
import dev.baton.server.config.TriageRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which triage rules apply, and what an alert's {@code baton_caused_by} annotation names. The
 * writer applies them; this only decides.
 */
public final class Triage {

  /** The annotation an alert names its cause with. */
  public static final String CAUSED_BY = "baton_caused_by";
  private static final Mql MQL = Mql.forIncidents();
  private static final Pattern INCIDENT_ID = Pattern.compile("(?:incident:)?(\\d{1,18})");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
  private static final int LONGEST_NAME = 200;

  /** What a {@code baton_caused_by} value names: an incident by id, an alert by fingerprint, or an alertname. */
  public sealed interface Cause {
    /** {@code 4711} or {@code incident:4711}. */
    record Incident(long id) implements Cause {}

    /** 16 hexadecimal digits: an alert's fingerprint (as the API shows it) in the same project. */
    record Alert(long fingerprint) implements Cause {}

    /** Anything else: the alertname (trigger) of an open incident in the same project. */
    record Trigger(String name) implements Cause {}
  }

  private Triage() {}

  /** The first rule of {@code action} whose query matches, or null. */
  public static TriageRule first(List<TriageRule> rules, TriageRule.Action action, Subject subject) {
    for (TriageRule r : rules) {
      if (r.action() == action && r.matches(subject)) {
        return r;
      }
    }
    return null;
  }

  /**
   * The rules that act on a new incident, in their order in the file: the first matching
   * {@code set_severity} and the first matching {@code route}.
   */
  public static List<TriageRule> atOpening(List<TriageRule> rules, Subject incident) {
    Set<TriageRule.Action> done = EnumSet.noneOf(TriageRule.Action.class);
    List<TriageRule> apply = new ArrayList<>();
    for (TriageRule r : rules) {
      boolean atOpening = r.action() == TriageRule.Action.SET_SEVERITY || r.action() == TriageRule.Action.ROUTE;
      if (atOpening && !done.contains(r.action()) && r.matches(incident)) {
        done.add(r.action());
        apply.add(r);
      }
    }
    return apply;
  }

  /** Whether any rule has this action (so the writer can skip the work of asking). */
  public static boolean any(List<TriageRule> rules, TriageRule.Action action) {
    for (TriageRule r : rules) { // on the writer for every alert: no stream
      if (r.action() == action) {
        return true;
      }
    }
    return false;
  }

  /**
   * An arriving alert as MQL sees the incident it would open: project, trigger, severity, state,
   * source and its labels (no holder or status yet).
   */
  public static Subject alertSubject(String project, String trigger, Severity severity, AlertState state,
      String source, Map<String, String> labels) {
    Subject.Builder b = MQL.subject().field("project", project).field("severity", severity.toString())
        .field("status", "open");
    if (trigger != null) {
      b.field("trigger", trigger);
    }
    if (state != null) {
      b.field("state", state.wire());
    }
    if (source != null) {
      b.field("source", source);
    }
    return b.alert(labels).build();
  }

  /** What the annotation's value names, or null when it is empty or too long to be a name. */
  public static Cause cause(String value) {
    if (value == null || value.isBlank() || value.length() > LONGEST_NAME) {
      return null;
    }
    String v = value.strip();
    if (INCIDENT_ID.matcher(v).matches()) {
      return new Cause.Incident(Long.parseLong(v.startsWith("incident:") ? v.substring(9) : v));
    }
    if (FINGERPRINT.matcher(v).matches()) {
      return new Cause.Alert(Long.parseUnsignedLong(v, 16));
    }
    return new Cause.Trigger(v);
  }
}
