package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import dev.baton.server.ingest.ItemReader.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/events}: Baton's own protocol for scripts and tools. The body is one event
 * object or an array of them:
 *
 * <pre>{@code
 * {"labels": {"alertname": "BackupFailed", "host": "db-1"},   required, at least one non-empty label
 *  "annotations": {"summary": "…", "description": "…"},        optional
 *  "kind": "instant" | "lasting",                              default "lasting"
 *  "status": "firing" | "resolved",                            default "firing"; instant events only fire
 *  "starts_at": "2026-11-21T13:11:30Z",                        RFC 3339, optional
 *  "ends_at": "2026-11-21T13:41:30Z",                          RFC 3339, lasting only, not before starts_at
 *  "refresh": "5m" | 300,                                      lasting only: how often the sender repeats it
 *  "dedup_key": "backup-db-1",                                 optional, the sender's own identity, ≤ 255 chars
 *  "url": "https://ci.example/job/42"}                         optional link back to the sender
 * }</pre>
 *
 * Unlike the compatibility formats it is strict, because a typo must not silently drop data:
 * unknown fields and non-string label values are rejected with a hint. A resolved lasting event
 * without {@code ends_at} ended when it was received. Answers with {@link BatonReply}.
 */
final class BatonEvents implements IngestProtocol {

  static final int MAX_DEDUP_KEY = 255;

  private static final List<String> FIELDS =
      List.of("labels", "annotations", "kind", "status", "starts_at", "ends_at", "refresh", "dedup_key", "url");
  private static final Set<String> KNOWN = Set.copyOf(FIELDS);
  private static final Map<String, String> HINTS = Map.ofEntries(
      Map.entry("startsAt", "did you mean \"starts_at\"?"),
      Map.entry("endsAt", "did you mean \"ends_at\"?"),
      Map.entry("dedupKey", "did you mean \"dedup_key\"?"),
      Map.entry("generatorURL", "did you mean \"url\"?"),
      Map.entry("refresh_interval", "did you mean \"refresh\"?"),
      Map.entry("label", "did you mean \"labels\"?"),
      Map.entry("annotation", "did you mean \"annotations\"?"),
      Map.entry("severity", "put it in \"labels\""),
      Map.entry("alertname", "put it in \"labels\""),
      Map.entry("summary", "put it in \"annotations\""),
      Map.entry("description", "put it in \"annotations\""));

  private final IngestLimits limits;
  private final JsonBody json;

  BatonEvents(IngestLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
  }

  @Override
  public String path() {
    return "/api/v1/events";
  }

  @Override
  public String name() {
    return "baton-events";
  }

  @Override
  public DecodeResult decode(byte[] body, Instant receivedAt) {
    JsonBody.Parsed parsed = json.parse(body);
    if (parsed.error() != null) {
      return Batch.rejected("", parsed.error());
    }
    JsonNode root = parsed.node();
    if (root.isObject()) {
      root = json.arrayOf(root);
    }
    if (!root.isArray()) {
      return Batch.rejected("", "body must be an event object or an array of event objects, got "
          + ItemReader.describe(root));
    }
    return Batch.decode(root, "", "event", limits, item -> event(item, receivedAt));
  }

  private static Event event(ItemReader item, Instant receivedAt) {
    for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        item.problem(ItemReader.path("", name), "unknown field"
            + (HINTS.containsKey(name) ? ": " + HINTS.get(name) : "; known fields are " + String.join(", ", FIELDS)));
      }
    }
    Map<String, String> labels = item.labels("labels", Names.PROMETHEUS, false);
    if (labels.isEmpty() && !item.has("labels")) {
      item.problem("labels", "is required: an object with at least one label, like {\"alertname\": \"BackupFailed\"}");
    } else if (labels.isEmpty() && !item.failed()) {
      item.problem("labels", "must hold at least one label with a non-empty value");
    }
    Map<String, String> annotations = item.annotations("annotations", Names.PROMETHEUS, false);
    Kind kind = choice(item, "kind", Kind.LASTING, Map.of("instant", Kind.INSTANT, "lasting", Kind.LASTING));
    Status status = choice(item, "status", Status.FIRING, Map.of("firing", Status.FIRING, "resolved", Status.RESOLVED));
    Instant startsAt = item.time("starts_at");
    Instant endsAt = item.time("ends_at");
    Duration refresh = refresh(item);
    String dedupKey = item.text("dedup_key", MAX_DEDUP_KEY);
    if (dedupKey != null && dedupKey.isBlank()) {
      item.problem("dedup_key", "must not be blank; leave it out instead");
    }
    String url = item.text("url", item.limits().maxAnnotationValueLength());
    if (kind == Kind.INSTANT) {
      if (status == Status.RESOLVED) {
        item.problem("status", "an instant event has no state to resolve; send \"kind\": \"lasting\" for a condition that ends");
      }
      if (item.has("ends_at")) {
        item.problem("ends_at", "an instant event has no end; use \"starts_at\" for when it happened");
      }
      if (item.has("refresh")) {
        item.problem("refresh", "an instant event is not repeated; refresh applies to \"kind\": \"lasting\"");
      }
    }
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      item.problem("ends_at", "must not be before starts_at (starts_at " + startsAt + ", ends_at " + endsAt + ")");
    }
    if (item.failed()) {
      return null;
    }
    if (kind == Kind.LASTING && status == Status.RESOLVED && endsAt == null) {
      endsAt = startsAt != null && startsAt.isAfter(receivedAt) ? startsAt : receivedAt;
    }
    return new Event(labels, annotations, kind, status, startsAt, endsAt, refresh,
        dedupKey, url == null || url.isEmpty() ? null : url);
  }

  private static <T> T choice(ItemReader item, String field, T absent, Map<String, T> choices) {
    JsonNode value = item.present(field);
    if (value == null) {
      return absent;
    }
    T chosen = value.isTextual() ? choices.get(value.textValue()) : null;
    if (chosen == null) {
      item.problem(field, "must be one of " + String.join(", ", choices.keySet().stream().sorted().map(ItemReader::quote).toList())
          + ", got " + ItemReader.describe(value));
    }
    return chosen;
  }

  private static Duration refresh(ItemReader item) {
    JsonNode value = item.present("refresh");
    if (value == null) {
      return null;
    }
    try {
      return RefreshDurations.parse(value);
    } catch (IllegalArgumentException e) {
      item.problem("refresh", e.getMessage());
      return null;
    }
  }

  @Override
  public Reply reply(DecodeResult result) {
    return BatonReply.of(result, "events", "event");
  }
}
