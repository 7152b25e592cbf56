package dev.baton.console.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A day on call in miniature, round by round: five projects with different service levels
 * (see {@code baton-demo.yml}), severities S1..S9 from {@code severity_level} and from
 * {@code impact} + {@code likelihood} labels, an incident with two triggers and several alerts, a
 * flapping disk alert, pods that crash and recover at random, instant backup failures, and a
 * source (drm-stat) that reports for a while and then goes silent so its alert turns unknown.
 * Deterministic for a given seed.
 */
public final class DemoScenario {

  /** Prometheus's resend interval in the demo; firing alerts carry {@code endsAt} = now + 4 × this. */
  static final Duration RESEND = Duration.ofMinutes(1);
  /** The drm-stat source stops reporting after this many rounds. */
  static final int SILENT_AFTER = 3;
  static final String SILENT_PROJECT = "drm-stat";

  /** One round's payloads: an Alertmanager v2 body and a Baton events body (either may be empty). */
  public record Round(List<Map<String, Object>> alertmanager, List<Map<String, Object>> events) {
    public int size() {
      return alertmanager.size() + events.size();
    }
  }

  private final Random random;
  private final Map<String, Instant> activeSince = new LinkedHashMap<>();
  private final Map<String, Integer> podRecoversAt = new LinkedHashMap<>();
  private int round;

  /** The receiver configuration that gives the demo's projects their service levels. */
  public static String receiverConfig() {
    try (var in = DemoScenario.class.getResourceAsStream("baton-demo.yml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("baton-demo.yml is missing from the console's jar", e);
    }
  }

  public DemoScenario(long seed) {
    this.random = new Random(seed);
  }

  /** The next round of what the senders would post at {@code now}. */
  public Round next(Instant now) {
    int n = round++;
    List<Map<String, Object>> am = new ArrayList<>();
    List<Map<String, Object>> events = new ArrayList<>();

    // payments (Platinum): S1 from impact + likelihood, an urgent S4, a retro S8.
    am.add(firing("payments-gateway", now, labels("alertname", "PaymentGatewayDown", "project", "payments",
        "impact", "deadly", "likelihood", "certain", "service", "gateway", "team", "payments-sre"),
        "Payment gateway returns 502 for all card payments",
        "Card payments fail at the **gateway**. Check the upstream bank connection and the gateway pods.",
        "https://runbooks.example/payments/gateway-down"));
    am.add(firing("payments-checkout", now, labels("alertname", "SlowCheckout", "project", "payments",
        "severity_level", "4", "service", "checkout", "team", "payments-sre"),
        "Checkout p95 latency above 2 s", "p95 of `/checkout` is above 2 s for 10 minutes.", null));
    am.add(firing("payments-deprecated", now, labels("alertname", "DeprecatedApiCalls", "project", "payments",
        "severity_level", "8", "service", "api"),
        "Clients still call /v1/charge", "Calls to the deprecated API, for the quarterly review.", null));

    // charlie (Gold, grouped by kubernetes): two triggers and four alerts in one incident.
    am.add(firing("charlie-ingress", now, labels("alertname", "IngressErrors5xx", "project", "charlie",
        "severity_level", "2", "kubernetes", "prod-eu", "vhost", "shop.example.com"),
        "Ingress answers 5xx to 12% of requests", "5xx share on `shop.example.com` is above **5%**.\n\n1. Check the ingress pods:"
            + " `kubectl -n ingress get pods`\n2. If nodes report pressure (the alerts below), drain the worst one.",
        "https://runbooks.example/charlie/ingress-5xx"));
    for (String node : List.of("node-a1", "node-a2", "node-b7")) {
      am.add(firing("charlie-" + node, now, labels("alertname", "NodePressureConditions", "project", "charlie",
          "impact", "critical", "likelihood", "certain", "kubernetes", "prod-eu", "node", node),
          "Memory pressure on " + node, "The kubelet reports MemoryPressure on " + node + ".", null));
    }
    // charlie: pods crash and recover at random.
    if (random.nextInt(3) == 0) {
      String pod = "api-" + Integer.toHexString(0x1000 + random.nextInt(0xefff));
      podRecoversAt.put(pod, n + 2 + random.nextInt(3));
    }
    for (Map.Entry<String, Integer> pod : List.copyOf(podRecoversAt.entrySet())) {
      Map<String, String> labels = labels("alertname", "PodCrashLooping", "project", "charlie",
          "severity", "warning", "kubernetes", "prod-eu", "pod", pod.getKey());
      if (n >= pod.getValue()) {
        am.add(resolved("charlie-pod-" + pod.getKey(), now, labels));
        podRecoversAt.remove(pod.getKey());
      } else {
        am.add(firing("charlie-pod-" + pod.getKey(), now, labels, "Pod " + pod.getKey() + " restarts",
            "CrashLoopBackOff: the container exits with code 137 (out of memory).", null));
      }
    }

    // horns-and-hooves (Gold): a flapping S3 disk alert (two rounds on, two off), async S6, retro S7.
    Map<String, String> disk = labels("alertname", "DiskWillFillIn4h", "project", "horns-and-hooves",
        "severity_level", "3", "server", "gitlab", "mountpoint", "/var/opt/gitlab");
    if (n % 4 < 2) {
      am.add(firing("hh-disk", now, disk, "/var/opt/gitlab fills up within 4 hours",
          "Linear prediction over the last hour says the disk is full in under 4 h.",
          "https://runbooks.example/hh/disk"));
    } else if (n % 4 == 2) {
      am.add(resolved("hh-disk", now, disk));
    }
    am.add(firing("hh-latency", now, labels("alertname", "HighLatencyP99", "project", "horns-and-hooves",
        "severity_level", "6", "server", "gitlab", "service", "web"),
        "p99 latency of gitlab web above 1.5 s", "", null));
    am.add(firing("hh-logs", now, labels("alertname", "LogVolumeSpike", "project", "horns-and-hooves",
        "severity_level", "7", "server", "elk-3"),
        "Log volume doubled", "", null));

    // drm-stat (Silver): reports through Baton events with a refresh interval, then goes silent.
    if (n < SILENT_AFTER) {
      events.add(event(labels("alertname", "QueueBacklog", "project", SILENT_PROJECT, "severity_level", "2",
          "queue", "stat-ingest"), "Backlog of stat-ingest above 100k messages", "30s"));
    }

    // intranet (None): retro S5 and S9; an instant backup failure (S6) every fourth round.
    am.add(firing("intranet-cert", now, labels("alertname", "CertificateExpiresSoon", "project", "intranet",
        "severity_level", "5", "vhost", "wiki.intranet.example"),
        "TLS certificate of wiki.intranet.example expires in 9 days", "", null));
    am.add(firing("intranet-tls", now, labels("alertname", "TlsCipherWeak", "project", "intranet",
        "severity_level", "9", "vhost", "mail.intranet.example"),
        "mail.intranet.example offers TLS 1.0", "", null));
    if (n % 4 == 0) {
      Map<String, Object> backup = new LinkedHashMap<>();
      backup.put("labels", labels("alertname", "BackupFailed", "project", "intranet", "impact", "marginal",
          "likelihood", "possible", "host", "nas-1"));
      backup.put("annotations", Map.of("summary", "Nightly backup of /srv failed",
          "description", "rsync exited with code 23 (partial transfer)."));
      backup.put("kind", "instant");
      events.add(backup);
    }
    return new Round(am, events);
  }

  private Map<String, Object> firing(String key, Instant now, Map<String, String> labels, String summary,
      String description, String runbook) {
    Instant since = activeSince.computeIfAbsent(key, k -> now);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", summary);
    if (!description.isEmpty()) {
      annotations.put("description", description);
    }
    if (runbook != null) {
      annotations.put("runbook_url", runbook);
    }
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("annotations", annotations);
    alert.put("startsAt", since.toString());
    alert.put("endsAt", now.plus(RESEND.multipliedBy(4)).toString());
    alert.put("generatorURL", "http://prometheus.demo.example:9090/graph");
    return alert;
  }

  private Map<String, Object> resolved(String key, Instant now, Map<String, String> labels) {
    Instant since = activeSince.remove(key);
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("startsAt", (since == null ? now : since).toString());
    alert.put("endsAt", now.toString());
    return alert;
  }

  private static Map<String, Object> event(Map<String, String> labels, String summary, String refresh) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("labels", labels);
    event.put("annotations", Map.of("summary", summary));
    event.put("refresh", refresh);
    return event;
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }
}
