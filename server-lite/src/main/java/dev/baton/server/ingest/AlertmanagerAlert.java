package dev.baton.server.ingest;

import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import dev.baton.server.ingest.ItemReader.Names;
import java.time.Instant;
import java.util.Map;

/**
 * Decodes Alertmanager's alert object ({@code labels}, {@code annotations}, {@code startsAt},
 * {@code endsAt}, {@code generatorURL}) with Alertmanager 0.25's validation: valid label and
 * annotation names, at least one label after empty ones are dropped, and endsAt not before startsAt.
 * Unknown fields are ignored, as Alertmanager ignores them.
 */
final class AlertmanagerAlert {

  static final String NO_LABELS = "at least one label pair required";
  static final String ENDS_BEFORE_START = "start time must be before end time";

  private AlertmanagerAlert() {}

  /** The lasting alert Alertmanager's API receives: resolved when endsAt is set and not after {@code receivedAt}. */
  static Event decodePostable(ItemReader item, Instant receivedAt) {
    Fields fields = read(item, Names.PROMETHEUS);
    if (item.failed()) {
      return null;
    }
    Status status = fields.endsAt != null && !fields.endsAt.isAfter(receivedAt) ? Status.RESOLVED : Status.FIRING;
    return fields.toEvent(status);
  }

  /** The fields shared by every Alertmanager-shaped alert, validated; problems are recorded on {@code item}. */
  static Fields read(ItemReader item, Names names) {
    Map<String, String> labels = item.labels("labels", names, true);
    if (labels.isEmpty() && !item.failed()) {
      item.problem("labels", NO_LABELS);
    }
    Map<String, String> annotations = item.annotations("annotations", names, true);
    Instant startsAt = item.time("startsAt");
    Instant endsAt = item.time("endsAt");
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      item.problem("endsAt", ENDS_BEFORE_START + " (startsAt " + startsAt + ", endsAt " + endsAt + ")");
    }
    String url = item.text("generatorURL", item.limits().maxAnnotationValueLength());
    return new Fields(labels, annotations, startsAt, endsAt, url == null || url.isEmpty() ? null : url);
  }

  record Fields(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
                String generatorUrl) {

    Event toEvent(Status status) {
      return new Event(labels, annotations, Kind.LASTING, status, startsAt, endsAt, null, null, generatorUrl);
    }
  }
}
