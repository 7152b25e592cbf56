package dev.baton.server.incident;

import dev.baton.server.policy.Sla;
import dev.baton.server.policy.SlaClass;
import dev.baton.server.policy.SlaTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay-baton rules for an open incident: who may take it, where a handover puts it, what a
 * snooze does. Every check runs before anything changes, so a refused action leaves no trace.
 * Writer thread only.
 */
public final class Relay {

  /**
   * What an applied action did, for the writer to store and record.
   *
   * @param kind           timeline entry kind (taken, handed_over, snoozed…)
   * @param detail         the timeline entry's detail
   * @param appendedHolder the holder appended to the holder chain, or null
   * @param closes         the incident is to be closed (the writer closes it)
   * @param statusBefore   status before, for the counters
   * @param slaClassBefore SLA class before, for the counters
   */
  public record Outcome(String kind, Map<String, Object> detail, String appendedHolder, boolean closes,
      IncidentStatus statusBefore, SlaClass slaClassBefore) {
  }

  private Relay() {}

  /** Refuses a write made against another version than the incident's current one. */
  public static void checkVersion(long id, long current, String holder, Long expected) {
    if (expected != null && expected != current) {
      throw new Refusal(Refusal.Reason.CONFLICT, "incident " + id + " changed since version " + expected
          + ": it is at version " + current + ", held by " + holder + "; reload it and try again", current, holder);
    }
  }

  /**
   * Checks and applies {@code action} to the open incident {@code i}; a severity set by hand takes its
   * response time from {@code slaTable}.
   *
   * @return what to store, or null when the action changes nothing (taking what one already holds,
   *     setting the severity it already has)
   * @throws Refusal when the incident's state does not allow it; nothing was changed
   */
  public static Outcome apply(Incident i, IncidentAction action, SlaTable slaTable, long now) {
    Holding holding = i.holding();
    checkVersion(i.id(), i.version(), holding.holder(), action.expectedVersion());
    IncidentStatus statusBefore = i.status();
    SlaClass classBefore = i.slaClass();
    String actor = action.actor();
    Map<String, Object> detail = new LinkedHashMap<>();
    Outcome outcome;
    IncidentCommand command = action.command();
    if (command instanceof IncidentCommand.Take) {
      if (holding.takenBy(actor)) {
        return null;
      }
      if (holding.taken()) {
        throw new Refusal(Refusal.Reason.CONFLICT, "incident " + i.id() + " is held by " + holding.holder()
            + " (taken at " + Instant.ofEpochMilli(holding.takenAt()) + ", version " + i.version()
            + "); ask them to hand it over", i.version(), holding.holder());
      }
      String holder = Holding.person(actor);
      detail.put("from", holding.holder());
      detail.put("to", holder);
      i.hold(new Holding(holder, actor, now));
      if (statusBefore != IncidentStatus.SNOOZED) {
        i.status(IncidentStatus.TAKEN);
      }
      outcome = new Outcome("taken", detail, holder, false, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.Handover h) {
      if (h.to().equals(holding.holder())) {
        throw new Refusal(Refusal.Reason.CONFLICT, "incident " + i.id() + " is already held by " + h.to(),
            i.version(), holding.holder());
      }
      detail.put("from", holding.holder());
      detail.put("to", h.to());
      detail.put("comment", h.comment());
      i.hold(Holding.queued(h.to()));
      if (statusBefore != IncidentStatus.SNOOZED) {
        i.status(IncidentStatus.OPEN);
      }
      outcome = new Outcome("handed_over", detail, h.to(), false, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.Snooze s) {
      detail.put("until", s.forever() ? null : Instant.ofEpochMilli(s.until()).toString());
      detail.put("forever", s.forever());
      detail.put("close_if_ok", s.closeIfOk());
      detail.put("comment", s.comment());
      i.snooze(new SnoozeTerms(now, s.forever() ? 0 : s.until(), s.forever(), s.closeIfOk(), actor, s.comment()));
      i.status(IncidentStatus.SNOOZED);
      outcome = new Outcome("snoozed", detail, null, false, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.Unsnooze u) {
      if (statusBefore != IncidentStatus.SNOOZED) {
        throw new Refusal(Refusal.Reason.CONFLICT, "incident " + i.id() + " is not snoozed (it is "
            + statusBefore.wire() + ")", i.version(), holding.holder());
      }
      wake(i);
      detail.put("comment", u.comment());
      detail.put("status", i.status().wire());
      outcome = new Outcome("unsnoozed", detail, null, false, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.Close c) {
      detail.put("comment", c.comment());
      outcome = new Outcome("closed", detail, null, true, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.Describe d) {
      detail.putAll(describeDetail(d));
      outcome = new Outcome("described", detail, null, false, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.Comment c) {
      detail.put("text", c.text());
      outcome = new Outcome("commented", detail, null, false, statusBefore, classBefore);
    } else if (command instanceof IncidentCommand.SetSeverity s) {
      if (s.level().equals(i.severity())) {
        return null;
      }
      Sla sla = slaTable.sla(s.level(), i.serviceLevel());
      Instant due = sla.deadline(Instant.ofEpochMilli(i.openedAt()));
      detail.put("from", i.severity().toString());
      detail.put("to", s.level().toString());
      detail.put("comment", s.comment());
      detail.put("sla_class", sla.slaClass().wire());
      detail.put("response_due_at", due == null ? null : due.toString());
      i.severity(s.level(), sla.slaClass(), due == null ? 0 : due.toEpochMilli());
      outcome = new Outcome("severity_set", detail, null, false, statusBefore, classBefore);
    } else {
      throw new IllegalArgumentException("unknown command " + command);
    }
    if (!outcome.closes()) {
      i.touched(now);
    }
    return outcome;
  }

  /** The timeline detail of a describe: the descriptions it sets. */
  public static Map<String, Object> describeDetail(IncidentCommand.Describe d) {
    Map<String, Object> detail = new LinkedHashMap<>();
    if (d.shortDescription() != null) {
      detail.put("short", d.shortDescription());
    }
    if (d.longDescription() != null) {
      detail.put("long", d.longDescription());
    }
    return detail;
  }

  /**
   * Ends a snooze: the incident goes back to its holder's queue, taken again when the person who
   * took it still holds it, else open.
   */
  static void wake(Incident i) {
    i.snooze(null);
    i.status(i.holding().taken() ? IncidentStatus.TAKEN : IncidentStatus.OPEN);
  }
}
