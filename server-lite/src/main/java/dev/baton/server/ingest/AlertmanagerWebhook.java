package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.Event.Status;
import dev.baton.server.ingest.ItemReader.Names;
import java.time.Instant;

/**
 * One alert of an Alertmanager webhook notification (payload version 4). Its {@code status}
 * says firing or resolved; Alertmanager writes Go's zero time as the endsAt of a firing alert,
 * which is read as unset. {@code fingerprint} is ignored: Baton computes its own, the same way.
 */
final class AlertmanagerWebhook {

  private AlertmanagerWebhook() {}

  static Event decode(ItemReader item, JsonNode notification, Instant receivedAt) {
    AlertmanagerAlert.Fields fields = AlertmanagerAlert.read(item, Names.PROMETHEUS);
    Status status = status(item, notification);
    if (item.failed() || status == null) {
      return null;
    }
    return resolvedNowIfOpen(fields, status, receivedAt).toEvent(status);
  }

  /** The alert's {@code status}, else the notification's; null (with a problem) when neither is firing/resolved. */
  static Status status(ItemReader item, JsonNode notification) {
    String own = item.text("status", 16);
    if (item.failed()) {
      return null;
    }
    String text = own;
    if (text == null) {
      JsonNode common = notification.get("status");
      text = common != null && common.isTextual() ? common.textValue() : null;
    }
    if ("firing".equals(text)) {
      return Status.FIRING;
    }
    if ("resolved".equals(text)) {
      return Status.RESOLVED;
    }
    item.problem("status", text == null
        ? "is required: \"firing\" or \"resolved\""
        : "must be \"firing\" or \"resolved\", got " + ItemReader.quote(text));
    return null;
  }

  /** A resolved alert without an end time ended, as far as Baton can tell, when the notification arrived. */
  static AlertmanagerAlert.Fields resolvedNowIfOpen(AlertmanagerAlert.Fields fields, Status status, Instant receivedAt) {
    if (status != Status.RESOLVED || fields.endsAt() != null) {
      return fields;
    }
    Instant endsAt = fields.startsAt() != null && fields.startsAt().isAfter(receivedAt) ? fields.startsAt() : receivedAt;
    return new AlertmanagerAlert.Fields(fields.labels(), fields.annotations(), fields.startsAt(), endsAt,
        fields.generatorUrl());
  }
}
