package dev.baton.console.detail;

import dev.baton.api.model.Alert;
import dev.baton.api.model.FiringPeriod;
import dev.baton.api.model.PastIncident;
import dev.baton.api.model.SimilarIncidents;
import dev.baton.api.model.TimelineEntry;
import dev.baton.console.incident.CardText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The detail pane's lines as text: alert state, firing periods, past incidents, counters, timeline. */
public final class DetailText {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm:ss");

  private final ZoneId zone;

  public DetailText(ZoneId zone) {
    this.zone = zone;
  }

  public String time(Instant at) {
    return at == null ? "…" : DAY_TIME.format(at.atZone(zone));
  }

  /** {@code firing · fired 3× · source prometheus-a} (instant events say {@code event}). */
  public String stateLine(Alert alert) {
    String state = "instant".equals(alert.kind()) || alert.state() == null ? "event" : alert.state();
    return state + " · fired " + alert.fireCount() + "× · first seen " + time(alert.firstSeen())
        + " · last seen " + time(alert.lastSeen()) + (alert.source() == null ? "" : " · " + alert.source());
  }

  /** {@code 21.11 09:59:30 → 10:02:00, 21.11 10:05:00 → …}, oldest first; "never fired" without periods. */
  public String periods(List<FiringPeriod> periods) {
    if (periods == null || periods.isEmpty()) {
      return "never fired";
    }
    return periods.stream().map(p -> time(p.start()) + " → " + (p.end() == null ? "…" : time(p.end())))
        .collect(Collectors.joining(", "));
  }

  /** {@code #14 S1 closed · 21.11 10:07:00, 2m 00s · #l1 → @alice · "disk cleaned"}. */
  public String past(PastIncident past) {
    String chain = past.holderChain() == null || past.holderChain().isEmpty() ? "nobody took it"
        : String.join(" → ", past.holderChain());
    String described = past.shortDescription() != null && !past.shortDescription().isBlank()
        ? " · \"" + past.shortDescription() + "\"" : "";
    return "#" + past.id() + " " + past.severity() + " " + past.project() + " " + past.trigger() + " · " + past.status()
        + " · " + time(past.opened()) + (past.duration() == null ? "" : ", " + CardText.duration(past.duration()))
        + " · " + chain + described;
  }

  /** {@code 1/3 2/6}: described/total in this project, then in all projects. */
  public static String similarCounters(SimilarIncidents similar) {
    return similar.inProject().described() + "/" + similar.inProject().total() + " "
        + similar.inAllProjects().described() + "/" + similar.inAllProjects().total();
  }

  /** {@code 21.11 10:00:00  127.0.0.1/alertmanager-v2  alert_joined  trigger=DiskFull, state=firing}. */
  public String timeline(TimelineEntry entry) {
    return time(entry.at()) + "  " + entry.actor() + "  " + entry.kind() + details(entry.detail());
  }

  private static String details(Map<String, Object> detail) {
    if (detail == null || detail.isEmpty()) {
      return "";
    }
    return "  " + detail.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
