package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.Event.Status;
import dev.baton.server.ingest.ItemReader.Names;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert of a Grafana unified-alerting webhook notification (payload version 1): the
 * Alertmanager alert shape plus Grafana's links and query values, kept as annotations so the
 * console can show them: {@code silenceURL} → {@code silence_url}, {@code dashboardURL} →
 * {@code dashboard_url}, {@code panelURL} → {@code panel_url}, {@code imageURL} →
 * {@code image_url}, {@code valueString} → {@code value_string}, {@code values} →
 * {@code values} ({@code B=44.2, C=1}), the notification's {@code orgId} →
 * {@code grafana_org_id}. An annotation the rule itself sets under one of these names wins.
 * Label and annotation names are checked leniently (non-blank, no control characters), as
 * Grafana does not restrict them to Prometheus syntax.
 */
final class GrafanaWebhook {

  private static final Map<String, String> LINK_ANNOTATIONS = Map.of(
      "silenceURL", "silence_url",
      "dashboardURL", "dashboard_url",
      "panelURL", "panel_url",
      "imageURL", "image_url",
      "valueString", "value_string");

  private GrafanaWebhook() {}

  static Event decode(ItemReader item, JsonNode notification, Instant receivedAt) {
    AlertmanagerAlert.Fields fields = AlertmanagerAlert.read(item, Names.LENIENT);
    Status status = AlertmanagerWebhook.status(item, notification);
    Map<String, String> extra = new LinkedHashMap<>();
    int maxValue = item.limits().maxAnnotationValueLength();
    for (Map.Entry<String, String> link : LINK_ANNOTATIONS.entrySet()) {
      String value = item.text(link.getKey(), maxValue);
      if (value != null && !value.isEmpty()) {
        extra.put(link.getValue(), value);
      }
    }
    String values = values(item, maxValue);
    if (values != null) {
      extra.put("values", values);
    }
    JsonNode orgId = notification.get("orgId");
    if (orgId != null && (orgId.isIntegralNumber() || orgId.isTextual()) && !orgId.asText().isEmpty()
        && orgId.asText().length() <= 32) {
      extra.put("grafana_org_id", orgId.asText());
    }
    if (item.failed() || status == null) {
      return null;
    }
    Map<String, String> annotations = new LinkedHashMap<>(extra);
    annotations.putAll(fields.annotations());
    AlertmanagerAlert.Fields merged = new AlertmanagerAlert.Fields(
        fields.labels(), annotations, fields.startsAt(), fields.endsAt(), fields.generatorUrl());
    return AlertmanagerWebhook.resolvedNowIfOpen(merged, status, receivedAt).toEvent(status);
  }

  /** {@code values} ({@code {"B": 44.2, "C": 1}}) as {@code B=44.2, C=1}, or null when absent or empty. */
  private static String values(ItemReader item, int maxLength) {
    JsonNode values = item.present("values");
    if (values == null) {
      return null;
    }
    if (!values.isObject()) {
      item.problem("values", "must be an object of query names to numbers, got " + ItemReader.describe(values));
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> value = it.next();
      if (!value.getValue().isValueNode()) {
        item.problem(ItemReader.path("values", value.getKey()),
            "must be a number, got " + ItemReader.describe(value.getValue()));
        return null;
      }
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(value.getKey()).append('=').append(value.getValue().asText());
      if (text.length() > maxLength) {
        item.problem("values", "is longer than " + maxLength + " characters once written out");
        return null;
      }
    }
    String written = text.toString();
    if (!ItemReader.wellFormed(written)) {
      item.problem("values", "contains a NUL character or an unpaired surrogate; send valid Unicode text");
      return null;
    }
    return written.isEmpty() ? null : written;
  }
}
