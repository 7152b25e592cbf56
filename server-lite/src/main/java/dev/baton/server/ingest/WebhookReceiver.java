package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * {@code POST /api/v1/ingest/alertmanager}: notification webhooks, told apart by their
 * {@code version} field: {@code "4"} is Alertmanager's {@code webhook_configs} payload
 * ({@link AlertmanagerWebhook}), {@code "1"} Grafana's unified-alerting webhook contact point
 * ({@link GrafanaWebhook}). Any other version is a located 400. Answers with {@link BatonReply}.
 */
final class WebhookReceiver implements IngestProtocol {

  private final IngestLimits limits;
  private final JsonBody json;

  WebhookReceiver(IngestLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
  }

  @Override
  public String path() {
    return "/api/v1/ingest/alertmanager";
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public DecodeResult decode(byte[] body, Instant receivedAt) {
    JsonBody.Parsed parsed = json.parse(body);
    if (parsed.error() != null) {
      return Batch.rejected("", parsed.error());
    }
    JsonNode root = parsed.node();
    if (!root.isObject()) {
      return Batch.rejected("", "body must be a JSON object (an Alertmanager or Grafana webhook notification), got "
          + ItemReader.describe(root));
    }
    JsonNode version = root.get("version");
    if (version == null || version.isNull()) {
      return Batch.rejected("version", "is required: \"4\" for Alertmanager webhooks, \"1\" for Grafana webhooks");
    }
    if (!version.isTextual()) {
      return Batch.rejected("version", "must be a string, \"4\" for Alertmanager or \"1\" for Grafana, got "
          + ItemReader.describe(version));
    }
    JsonNode alerts = root.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      return Batch.rejected("alerts", "must be an array of alerts, got " + ItemReader.describe(alerts));
    }
    return switch (version.textValue()) {
      case "4" -> Batch.decode(alerts, "alerts", "alert", limits,
          item -> AlertmanagerWebhook.decode(item, root, receivedAt));
      case "1" -> Batch.decode(alerts, "alerts", "alert", limits,
          item -> GrafanaWebhook.decode(item, root, receivedAt));
      default -> Batch.rejected("version", "unknown webhook version " + ItemReader.quote(version.textValue())
          + ": Baton reads \"4\" (Alertmanager) and \"1\" (Grafana)");
    };
  }

  @Override
  public Reply reply(DecodeResult result) {
    return BatonReply.of(result, "alerts", "alert");
  }
}
