package dev.baton.console.incident;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the console API's card ({@link dev.baton.api.model.IncidentCard}) into the console's own
 * {@link IncidentCard}: "S1" severities, lower-case status, state and SLA class, nulls where the
 * console uses empty text. Fields the list does not show (holder, long description, duration,
 * overdue) are dropped: the console derives them itself.
 */
public final class ApiCardMapper {

  private ApiCardMapper() {
  }

  /** @throws IllegalArgumentException naming the incident and the field the receiver sent wrong */
  public static IncidentCard toCard(dev.baton.api.model.IncidentCard dto) {
    try {
      return new IncidentCard(
          dto.id(),
          dto.project(),
          dto.serviceLevel(),
          orEmpty(dto.triggers()),
          Severity.parse(required(dto.severity(), "severity")),
          orEmpty(dto.holderChain()),
          dto.assignee(),
          dto.shortDescription(),
          WorkflowStatus.valueOf(upper(dto.status(), "status")),
          AlertState.valueOf(upper(dto.state(), "state")),
          dto.alertCount(),
          firing(dto.firing()),
          dto.opened(),
          dto.closed(),
          sla(dto.sla()),
          snooze(dto.snooze()),
          dto.runbooks(),
          dto.labels() == null ? Map.of() : dto.labels(),
          dto.version());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("incident " + dto.id() + " from the receiver is not a card the console"
          + " can show: " + e.getMessage(), e);
    }
  }

  private static FiringSummary firing(dev.baton.api.model.FiringSummary f) {
    return f == null ? null : new FiringSummary(period(f.first()), f.count(), period(f.last()));
  }

  private static FiringPeriod period(dev.baton.api.model.FiringPeriod p) {
    return p == null ? null : new FiringPeriod(p.start(), p.end());
  }

  private static Sla sla(dev.baton.api.model.Sla s) {
    dev.baton.api.model.Sla sla = java.util.Objects.requireNonNull(s, "sla is missing");
    return new Sla(SlaClass.valueOf(upper(sla.slaClass(), "sla.slaClass")), sla.responseTime(), sla.deadline());
  }

  private static Snooze snooze(dev.baton.api.model.Snooze s) {
    return s == null ? null : new Snooze(s.until(), s.forever(), s.closeIfOk(), s.by(), s.comment());
  }

  private static String upper(String value, String field) {
    return required(value, field).toUpperCase(Locale.ROOT);
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }
}
