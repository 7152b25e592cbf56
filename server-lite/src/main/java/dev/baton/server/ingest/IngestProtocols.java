package dev.baton.server.ingest;

import java.util.List;

/** Every wire format Baton accepts, one {@link IngestProtocol} per path. */
public final class IngestProtocols {

  private IngestProtocols() {}

  /**
   * All ingest protocols, each enforcing {@code limits}. Paths are distinct; every protocol's
   * {@link IngestProtocol#decode} never throws.
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
