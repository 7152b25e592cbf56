package dev.baton.server.ingest;

import java.util.List;

/** Every wire format Baton accepts, one {@link IngestProtocol} per path. */
public final class IngestProtocols {

  private IngestProtocols() {}

  /**
   * All ingest protocols, each enforcing {@code limits}: Alertmanager API v2 ({@code /api/v2/alerts})
   * and v1 ({@code /api/v1/alerts}), the Alertmanager/Grafana webhook receiver
   * ({@code /api/v1/ingest/alertmanager}), Baton events ({@code /api/v1/events}) and PagerDuty
   * Events v2 ({@code /v2/enqueue}). Paths are distinct. The protocols hold no per-request state,
   * so one instance serves all HTTP threads; {@link IngestProtocol#decode} never throws (a bug
   * would surface as a logged error and a 500 reply, never as an exception).
   */
  public static List<IngestProtocol> all(IngestLimits limits) {
    return List.of(
        guarded(new AlertmanagerApiV2(limits)),
        guarded(new AlertmanagerApiV1(limits)),
        guarded(new WebhookReceiver(limits)),
        guarded(new BatonEvents(limits)),
        guarded(new PagerDutyEvents(limits)));
  }

  private static IngestProtocol guarded(IngestProtocol protocol) {
    return new GuardedProtocol(protocol);
  }
}
