package dev.baton.loadgen;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds Alertmanager-v2 request bodies ({@code POST /api/v2/alerts}, a JSON array) shaped like
 * Prometheus's: labels, a summary annotation, startsAt, endsAt four resend intervals ahead, and a
 * generator URL. Alert number {@code seq % distinct} of the sequence gets the same labels on every
 * send, so re-sending it updates one alert instead of creating another.
 */
final class AlertBodies {

  /** Prometheus sets endsAt = now + 4 × resend delay (1 min by default). */
  static final Duration ENDS_AFTER = Duration.ofMinutes(4);

  /** Spread alerts over a few alert names, as real rule files have several rules. */
  private static final int ALERT_NAMES = 50;

  private final String runId;
  private final String phase;
  private final int distinct;
  private final String startsAt;

  AlertBodies(String runId, String phase, int distinct, Instant startsAt) {
    this.runId = runId;
    this.phase = phase;
    this.distinct = distinct;
    this.startsAt = startsAt.toString();
  }

  /** The label set's distinguishing number of sequence position {@code seq}. */
  int alertIndex(long seq) {
    return (int) (seq % distinct);
  }

  /** A JSON array with the alerts at sequence positions {@code first} .. {@code first + count - 1}. */
  byte[] body(long first, int count, Instant now) {
    String endsAt = now.plus(ENDS_AFTER).toString();
    StringBuilder json = new StringBuilder(count * 360);
    json.append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      appendAlert(json, alertIndex(first + i), endsAt);
    }
    json.append(']');
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void appendAlert(StringBuilder json, int index, String endsAt) {
    json.append("{\"labels\":{\"alertname\":\"Load").append(index % ALERT_NAMES)
        .append("\",\"instance\":\"host-").append(index).append(":9100\"")
        .append(",\"job\":\"node\",\"severity\":\"warning\"")
        .append(",\"loadgen_run\":\"").append(runId).append('"')
        .append(",\"loadgen_phase\":\"").append(phase).append("\"}")
        .append(",\"annotations\":{\"summary\":\"Synthetic alert ").append(index)
        .append(" from baton-loadgen run ").append(runId).append("\"}")
        .append(",\"startsAt\":\"").append(startsAt).append('"')
        .append(",\"endsAt\":\"").append(endsAt).append('"')
        .append(",\"generatorURL\":\"http://127.0.0.1:9090/graph?g0.expr=up%3D%3D0\"}");
  }
}
