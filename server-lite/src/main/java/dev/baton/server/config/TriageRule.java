package dev.baton.server.config;

import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import dev.baton.server.policy.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One triage rule of {@code baton.yml}: when its query matches, the receiver acts on the incident
 * by itself, with a {@code triaged} timeline entry naming the rule.
 *
 * @param name     {@code triage[i]}, or the rule's own name when it has one
 * @param mql      the query as written
 * @param query    its query, compiled
 * @param action   what it does
 * @param severity the severity {@link Action#SET_SEVERITY} sets; null for the other actions
 * @param to       the holder {@link Action#ROUTE} hands to ({@code #team} / {@code @person}); null otherwise
 */
public record TriageRule(String name, String mql, CompiledQuery query, Action action, Severity severity, String to) {

  /** What a triage rule does, and when it is asked. */
  public enum Action {
    /** When all of an untaken incident's alerts are ok: it closes. */
    CLOSE_IF_OK_BEFORE_TAKEN,
    /** When an incident opens: its severity (and so its SLA) becomes {@code severity}. */
    SET_SEVERITY,
    /** When an incident opens: it is handed to {@code to}. */
    ROUTE,
    /**
     * When an alert annotated {@code baton_caused_by} would open an incident: it joins the open
     * incident of the alert or incident it names instead.
     */
    ATTACH_TO_CAUSE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action of that wire name, or null. */
    public static Action fromWire(String text) {
      return Arrays.stream(values()).filter(a -> a.wire().equals(text)).findFirst().orElse(null);
    }

    public static String choices() {
      return Arrays.stream(values()).map(Action::wire).collect(Collectors.joining(", "));
    }
  }

  public boolean matches(Subject subject) {
    return query.test(subject);
  }
}
