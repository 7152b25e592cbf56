package dev.baton.server.ingest;

import java.time.Instant;

/**
 * {@code POST /api/v1/alerts}: Alertmanager's API v1 (older Prometheus, {@code api_version: v1}).
 * Same body and validation as {@link AlertmanagerApiV2}; answers in v1's envelope:
 * 200 {@code {"status":"success"}}, or 400
 * {@code {"status":"error","errorType":"bad_data","error":"…"}} naming each rejected alert and
 * field (the valid ones are still stored).
 */
final class AlertmanagerApiV1 implements IngestProtocol {

  private final IngestLimits limits;
  private final JsonBody json;

  AlertmanagerApiV1(IngestLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
  }

  @Override
  public String path() {
    return "/api/v1/alerts";
  }

  @Override
  public String name() {
    return "alertmanager-v1";
  }

  @Override
  public DecodeResult decode(byte[] body, Instant receivedAt) {
    return AlertmanagerApiV2.decodeAlertArray(json, limits, body, receivedAt);
  }

  @Override
  public Reply reply(DecodeResult result) {
    if (result.problems().isEmpty()) {
      return new Reply(200, "application/json", ReplyJson.bytes(ReplyJson.object("status", "success")));
    }
    return new Reply(400, "application/json", ReplyJson.bytes(ReplyJson.object(
        "status", "error", "errorType", "bad_data", "error", Problems.join(result.problems(), "alerts"))));
  }
}
