package dev.baton.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A realistic console's worth of cards around a given moment, as the console API will send them. */
public final class SampleIncidents {

  private SampleIncidents() {
  }

  public static List<IncidentCard> around(Instant now) {
    List<IncidentCard> cards = new ArrayList<>();
    // Platinum S1, 1 minute to respond, 40 s left: calm until its last fifth (12 s).
    cards.add(card(101, "payments", "Platinum", List.of("PaymentGatewayDown"), 1, List.of("l1"), "",
        "Payment gateway returns 502 for all card payments", WorkflowStatus.OPEN, AlertState.FIRING, 2,
        FiringSummary.single(new FiringPeriod(now.minusSeconds(20), null)), now.minusSeconds(20),
        Sla.urgent(Duration.ofMinutes(1), now.plusSeconds(40)), null, 1,
        labels("service", "gateway", "team", "payments-sre", "instance", "gw-1:9100, gw-2:9100")));
    // Gold S2 with two triggers and 4 alerts, overdue by 3 min, taken by an engineer.
    cards.add(card(102, "charlie", "Gold", List.of("IngressErrors5xx", "NodePressureConditions"), 2,
        List.of("l1", "bravo"), "dmitry.kosobokov", "Ingress answers 5xx to 12% of requests", WorkflowStatus.TAKEN,
        AlertState.FIRING, 7, FiringSummary.single(new FiringPeriod(now.minusSeconds(780), null)),
        now.minusSeconds(780), Sla.urgent(Duration.ofMinutes(10), now.minusSeconds(180)), null, 1,
        labels("kubernetes", "prod-eu", "trigger", "IngressErrors5xx, NodePressureConditions",
            "node", "node-a1, node-a2, node-b7", "vhost", "shop.example.com")));
    // Gold S3 flapping, 22 minutes left of 30.
    cards.add(card(103, "horns-and-hooves", "Gold", List.of("DiskWillFillIn4h"), 3, List.of("l1"), "",
        "/var/opt/gitlab fills up within 4 hours", WorkflowStatus.OPEN, AlertState.FIRING, 1,
        new FiringSummary(new FiringPeriod(now.minusSeconds(9000), now.minusSeconds(8760)), 10,
            new FiringPeriod(now.minusSeconds(480), null)),
        now.minusSeconds(9000), Sla.urgent(Duration.ofMinutes(30), now.plusSeconds(1320)), null, 0,
        labels("server", "gitlab", "mountpoint", "/var/opt/gitlab")));
    // Silver S2 whose source went silent: unknown. 4:50 left of 30 minutes: amber (the last fifth).
    cards.add(card(104, "drm-stat", "Silver", List.of("QueueBacklog"), 2, List.of("l1"), "",
        "Backlog of stat-ingest above 100k messages", WorkflowStatus.OPEN, AlertState.UNKNOWN, 1,
        FiringSummary.single(new FiringPeriod(now.minusSeconds(300), null)), now.minusSeconds(300),
        Sla.urgent(Duration.ofMinutes(30), now.plusSeconds(290)), null, 1,
        labels("queue", "stat-ingest")));
    // Async S6 in my team's queue.
    cards.add(card(105, "horns-and-hooves", "Gold", List.of("HighLatencyP99"), 6, List.of("l1"), "",
        "p99 latency of gitlab web above 1.5 s", WorkflowStatus.OPEN, AlertState.OK, 1,
        FiringSummary.single(new FiringPeriod(now.minusSeconds(7200), now.minusSeconds(3600))),
        now.minusSeconds(7200), Sla.async(), null, 0, labels("server", "gitlab", "service", "web")));
    // Snoozed S4 held by me.
    cards.add(card(106, "payments", "Platinum", List.of("SlowCheckout"), 4, List.of("l1", "alice"), "alice",
        "Checkout p95 latency above 2 s", WorkflowStatus.SNOOZED, AlertState.FIRING, 1,
        FiringSummary.single(new FiringPeriod(now.minusSeconds(5400), null)), now.minusSeconds(5400),
        Sla.urgent(Duration.ofMinutes(30), now.minusSeconds(3600)),
        new Snooze(now.plusSeconds(3600), false, true, "alice", "deploy in progress"), 0,
        labels("service", "checkout")));
    // Retro S9 and closed S5.
    cards.add(card(107, "intranet", "None", List.of("TlsCipherWeak"), 9, List.of("l1"), "",
        "mail.intranet.example offers TLS 1.0", WorkflowStatus.OPEN, AlertState.FIRING, 1,
        FiringSummary.single(new FiringPeriod(now.minusSeconds(86_400 * 3), null)), now.minusSeconds(86_400 * 3),
        Sla.retro(), null, 0, labels("vhost", "mail.intranet.example")));
    IncidentCard closed = card(108, "intranet", "None", List.of("BackupFailed"), 5, List.of("l1", "alice"), "alice",
        "Nightly backup of /srv failed", WorkflowStatus.CLOSED, AlertState.NONE, 3, null, now.minusSeconds(40_000),
        Sla.retro(), null, 1, labels("host", "nas-1"));
    cards.add(new IncidentCard(closed.id(), closed.project(), closed.serviceLevel(), closed.triggers(),
        closed.severity(), closed.holderChain(), closed.assignee(), closed.shortDescription(), closed.status(),
        closed.state(), closed.alertCount(), null, closed.opened(), now.minusSeconds(30_000), closed.sla(), null,
        closed.runbooks(), closed.labels(), 3));
    return cards;
  }

  public static IncidentCard card(long id, String project, String level, List<String> triggers, int severity,
      List<String> holders, String assignee, String summary, WorkflowStatus status, AlertState state, int alerts,
      FiringSummary firing, Instant opened, Sla sla, Snooze snooze, int runbooks, Map<String, List<String>> labels) {
    return new IncidentCard(id, project, level, triggers, Severity.of(severity), holders, assignee, summary, status,
        state, alerts, firing, opened, null, sla, snooze, runbooks, labels, 1);
  }

  /** {@code "name", "v1, v2"} pairs. */
  public static Map<String, List<String>> labels(String... pairs) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], List.of(pairs[i + 1].split(", ")));
    }
    return labels;
  }

  /** The same card with another SLA, status or version. */
  public static IncidentCard with(IncidentCard c, WorkflowStatus status, long version) {
    return new IncidentCard(c.id(), c.project(), c.serviceLevel(), c.triggers(), c.severity(), c.holderChain(),
        c.assignee(), c.shortDescription(), status, c.state(), c.alertCount(), c.firing(), c.opened(), c.closed(),
        c.sla(), c.snooze(), c.runbooks(), c.labels(), version);
  }
}
