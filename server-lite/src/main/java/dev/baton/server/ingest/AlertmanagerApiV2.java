package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code POST /api/v2/alerts}: Alertmanager's API v2, as Prometheus ({@code alerting.alertmanagers})
 * and {@code amtool alert add} send it. The body is a JSON array of alerts. Answers as Alertmanager
 * 0.25 does: 200 with an empty body when every alert was valid; 400 with a JSON string listing
 * every rejected alert (the valid ones are still stored); 400 {@code {"code":400,"message":…}} when
 * the body as a whole is unusable. Messages say which alert and which field.
 */
final class AlertmanagerApiV2 implements IngestProtocol {

  private final IngestLimits limits;
  private final JsonBody json;

  AlertmanagerApiV2(IngestLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
  }

  @Override
  public String path() {
    return "/api/v2/alerts";
  }

  @Override
  public String name() {
    return "alertmanager-v2";
  }

  @Override
  public DecodeResult decode(byte[] body, Instant receivedAt) {
    return decodeAlertArray(json, limits, body, receivedAt);
  }

  /** The body shared by Alertmanager's API v1 and v2: a JSON array of alerts. */
  static DecodeResult decodeAlertArray(JsonBody json, IngestLimits limits, byte[] body, Instant receivedAt) {
    JsonBody.Parsed parsed = json.parse(body);
    if (parsed.error() != null) {
      return Batch.rejected("", parsed.error());
    }
    JsonNode root = parsed.node();
    if (!root.isArray()) {
      return Batch.rejected("", "body must be a JSON array of alerts, got " + ItemReader.describe(root));
    }
    return Batch.decode(root, "", "alert", limits, item -> AlertmanagerAlert.decodePostable(item, receivedAt));
  }

  @Override
  public Reply reply(DecodeResult result) {
    if (result.problems().isEmpty()) {
      return new Reply(200, null, new byte[0]);
    }
    if (Problems.bodyLevel(result.problems())) {
      String message = Problems.join(result.problems(), "alerts");
      return new Reply(400, "application/json", ReplyJson.bytes(ReplyJson.object("code", 400, "message", message)));
    }
    return new Reply(400, "application/json", ReplyJson.bytes(Problems.join(result.problems(), "alerts")));
  }
}
