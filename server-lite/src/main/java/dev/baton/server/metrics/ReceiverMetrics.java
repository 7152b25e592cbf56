package dev.baton.server.metrics;

/** The receiver's metrics, named once here so every recorder uses the same families. */
public final class ReceiverMetrics {

  private final Metrics registry = new Metrics();

  /** Alerts committed, by source and endpoint. */
  public final Metrics.Counter alertsReceived = registry.counter("baton_alerts_received_total",
      "Alerts (events) committed to the store, by source and endpoint.", "source", "endpoint");
  /** Alerts refused, by source, endpoint and reason (invalid, queue_full, store_failed, timeout). */
  public final Metrics.Counter alertsRejected = registry.counter("baton_alerts_rejected_total",
      "Alerts (events) not stored, by source, endpoint and reason.", "source", "endpoint", "reason");
  /** HTTP requests answered, by path (a served path, or "other") and status code. */
  public final Metrics.Counter requests = registry.counter("baton_http_requests_total",
      "HTTP requests answered, by path (\"other\" for paths not served) and status code.", "path", "code");
  public final Metrics.Histogram commitBatchSize = registry.histogram("baton_commit_batch_requests",
      "Requests committed per transaction by the writer (group commit).", 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024);
  public final Metrics.Histogram commitSeconds = registry.histogram("baton_commit_duration_seconds",
      "Time to apply and commit one batch, in seconds.",
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5);
  public final Metrics.Counter commitFailures = registry.counter("baton_commit_failures_total",
      "Batches whose transaction failed (disk full, I/O error); their senders got 503.");
  public final Metrics.Gauge alertsByState = registry.gauge("baton_alerts",
      "Stored alerts by state (instant alerts have state \"none\").", "state");
  public final Metrics.Gauge incidents = registry.gauge("baton_incidents",
      "Incidents by workflow status and SLA class.", "status", "sla_class");
  public final Metrics.Counter resolvedWhilePending = registry.counter("baton_alerts_resolved_while_pending_total",
      "Alerts resolved before their pending delay passed (noise: they opened nothing).");

  /** When each source's last heartbeat arrived (its Watchdog alert or a heartbeat call). */
  public final Metrics.Gauge sourceLastHeartbeat = registry.gauge("baton_source_last_heartbeat_timestamp_seconds",
      "When the source's last heartbeat (Watchdog alert or POST /api/v1/heartbeat/{source}) arrived, in Unix seconds.",
      "source");
  /** 1 while a watched source's heartbeat is missing (its no-data-for alert fires), else 0. */
  public final Metrics.Gauge sourceMissing = registry.gauge("baton_source_heartbeat_missing",
      "1 while the watched source's heartbeat is missing and its no-data-for alert fires, else 0.", "source");

  public final Metrics.Gauge streamClients = registry.gauge("baton_stream_clients",
      "Clients connected to the event stream (GET /api/v1/stream).");
  public final Metrics.Counter streamEvents = registry.counter("baton_stream_events_total",
      "Change-log events dispatched to the stream's clients (counted once however many clients).");
  /** Streams ended by telling the client to reload, by reason (pruned, unknown_id, overflow, gap), or cut (stalled). */
  public final Metrics.Counter streamReloads = registry.counter("baton_stream_reloads_total",
      "Streams ended because the client could not be brought up to date by events, by reason.", "reason");

  public Metrics registry() {
    return registry;
  }
}
