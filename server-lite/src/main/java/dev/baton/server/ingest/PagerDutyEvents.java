package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.Event.Kind;
import dev.baton.server.ingest.Event.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /v2/enqueue}: PagerDuty's Events API v2, so every tool that can page PagerDuty can
 * feed Baton. The body is one event:
 * {@code {routing_key, event_action: trigger|acknowledge|resolve, dedup_key, payload: {summary,
 * source, severity, timestamp, component, group, class, custom_details}, links, images, client,
 * client_url}}.
 *
 * <p>A {@code trigger} becomes a firing lasting event with the labels
 * {@code alertname} ({@code payload.class}, or {@code payload.summary} when there is no class),
 * {@code source}, {@code severity} (critical|error|warning|info), {@code component},
 * {@code group} (when given) and {@code dedup_key}; annotations {@code summary},
 * {@code custom_details} (as JSON text, or the string sent), {@code links} and {@code images} (the
 * arrays as JSON text), {@code image_url} (the first image), {@code client} and
 * {@code client_url}; startsAt from {@code payload.timestamp}; generatorUrl from
 * {@code client_url}. A trigger without {@code dedup_key} gets a new random one, as PagerDuty
 * does (so it always opens a new alert), and the reply returns it.
 *
 * <p>{@code acknowledge} and {@code resolve} carry nothing but the key, so their events have the
 * single label {@code dedup_key} and status {@link Status#ACKNOWLEDGED} or {@link Status#RESOLVED}
 * (a resolve ends when received). They do not describe an alert of their own: the receiver core
 * must apply them to the alert whose {@link Event#dedupKey()} matches, and drop them when none
 * is open, as PagerDuty drops them.
 *
 * <p>The {@code routing_key} is required but kept out of labels and annotations: it is the
 * sender's secret. Answers as PagerDuty does: 202
 * {@code {"status":"success","message":"Event processed","dedup_key":…}}, or 400
 * {@code {"status":"invalid event","message":"Event object is invalid","errors":[…]}}.
 */
final class PagerDutyEvents implements IngestProtocol {

  static final int MAX_DEDUP_KEY = 255;
  static final int MAX_SUMMARY = 1024;
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  private final IngestLimits limits;
  private final JsonBody json;

  PagerDutyEvents(IngestLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
  }

  @Override
  public String path() {
    return "/v2/enqueue";
  }

  @Override
  public String name() {
    return "pagerduty-v2";
  }

  @Override
  public DecodeResult decode(byte[] body, Instant receivedAt) {
    JsonBody.Parsed parsed = json.parse(body);
    if (parsed.error() != null) {
      return Batch.rejected("", parsed.error());
    }
    if (!parsed.node().isObject()) {
      return Batch.rejected("", "body must be one PagerDuty event object, got " + ItemReader.describe(parsed.node()));
    }
    List<Problem> problems = new ArrayList<>();
    ItemReader item = new ItemReader(parsed.node(), 0, limits, problems);
    Event event = event(item, receivedAt);
    return event == null || item.failed()
        ? new DecodeResult(List.of(), problems, true)
        : new DecodeResult(List.of(event), problems, false);
  }

  private Event event(ItemReader item, Instant receivedAt) {
    item.requiredText("routing_key", MAX_DEDUP_KEY);
    String action = item.requiredText("event_action", 64);
    String dedupKey = item.text("dedup_key", MAX_DEDUP_KEY);
    if (dedupKey != null && dedupKey.isBlank()) {
      dedupKey = null;
    }
    if (dedupKey != null && dedupKey.length() > limits.maxLabelValueLength()) {
      item.problem("dedup_key", "is " + dedupKey.length() + " characters long; at most "
          + limits.maxLabelValueLength() + " allowed (the label value limit)");
    }
    if (action == null) {
      return null;
    }
    return switch (action) {
      case "trigger" -> trigger(item, dedupKey);
      case "acknowledge" -> followUp(item, dedupKey, Status.ACKNOWLEDGED, null);
      case "resolve" -> followUp(item, dedupKey, Status.RESOLVED, receivedAt);
      default -> {
        item.problem("event_action", "is invalid (must be one of \"trigger\", \"acknowledge\" or \"resolve\"), got "
            + ItemReader.quote(action));
        yield null;
      }
    };
  }

  private Event followUp(ItemReader item, String dedupKey, Status status, Instant endsAt) {
    if (dedupKey == null) {
      item.problem("dedup_key", "is required for acknowledge and resolve: the key the trigger used or got back");
      return null;
    }
    return new Event(Map.of("dedup_key", dedupKey), Map.of(), Kind.LASTING, status, null, endsAt, null, dedupKey, null);
  }

  private Event trigger(ItemReader item, String givenKey) {
    ItemReader payload = item.object("payload");
    if (payload == null) {
      if (!item.failed()) {
        item.problem("payload", "is required for a trigger: {\"summary\", \"source\", \"severity\"}");
      }
      return null;
    }
    int maxLabel = limits.maxLabelValueLength();
    int maxAnnotation = limits.maxAnnotationValueLength();
    String summary = payload.requiredText("summary", MAX_SUMMARY);
    String source = payload.requiredText("source", maxLabel);
    String severity = payload.requiredText("severity", 64);
    if (severity != null && !SEVERITIES.contains(severity)) {
      payload.problem("severity", "is invalid (must be one of \"critical\", \"error\", \"warning\" or \"info\"), got "
          + ItemReader.quote(severity));
    }
    Instant timestamp = payload.time("timestamp");
    String component = payload.text("component", maxLabel);
    String group = payload.text("group", maxLabel);
    String eventClass = payload.text("class", maxLabel);
    String details = detailsText(payload, maxAnnotation);
    String links = objectArray(item, "links", "href", maxAnnotation);
    String images = objectArray(item, "images", "src", maxAnnotation);
    String client = item.text("client", maxAnnotation);
    String clientUrl = item.text("client_url", maxAnnotation);
    if (item.failed()) {
      return null;
    }
    String dedupKey = givenKey != null ? givenKey : UUID.randomUUID().toString().replace("-", "");

    Map<String, String> labels = new LinkedHashMap<>();
    String alertname = eventClass != null && !eventClass.isBlank() ? eventClass : summary;
    putNonEmpty(labels, "alertname", alertname.length() > maxLabel ? alertname.substring(0, maxLabel) : alertname);
    putNonEmpty(labels, "source", source);
    putNonEmpty(labels, "severity", severity);
    putNonEmpty(labels, "component", component);
    putNonEmpty(labels, "group", group);
    putNonEmpty(labels, "dedup_key", dedupKey);
    if (labels.size() > limits.maxLabelsPerAlert()) {
      item.problem("payload", "maps to " + labels.size() + " labels (alertname, source, severity, component, group, "
          + "dedup_key); at most " + limits.maxLabelsPerAlert() + " allowed");
      return null;
    }

    Map<String, String> annotations = new LinkedHashMap<>();
    putNonEmpty(annotations, "summary", summary);
    putNonEmpty(annotations, "custom_details", details);
    putNonEmpty(annotations, "links", links);
    putNonEmpty(annotations, "images", images);
    if (images != null) {
      putNonEmpty(annotations, "image_url", item.present("images").get(0).path("src").asText(""));
    }
    putNonEmpty(annotations, "client", client);
    putNonEmpty(annotations, "client_url", clientUrl);
    return new Event(labels, annotations, Kind.LASTING, Status.FIRING, timestamp, null, null, dedupKey,
        clientUrl == null || clientUrl.isEmpty() ? null : clientUrl);
  }

  /** {@code custom_details} as PagerDuty shows it: a string as sent, anything else as compact JSON. */
  private static String detailsText(ItemReader payload, int maxLength) {
    JsonNode details = payload.present("custom_details");
    if (details == null) {
      return null;
    }
    String text = details.isTextual() ? details.textValue() : details.toString();
    if (text.length() > maxLength) {
      payload.problem("custom_details", "is " + text.length() + " characters long as JSON; at most " + maxLength + " allowed");
      return null;
    }
    if (!ItemReader.wellFormed(text)) {
      payload.problem("custom_details", "contains a NUL character or an unpaired surrogate; send valid Unicode text");
      return null;
    }
    return text;
  }

  /** {@code links} or {@code images}: an array of objects each with a string {@code required} field, kept as JSON text. */
  private static String objectArray(ItemReader item, String field, String required, int maxLength) {
    JsonNode array = item.present(field);
    if (array == null) {
      return null;
    }
    if (!array.isArray()) {
      item.problem(field, "must be an array of objects, got " + ItemReader.describe(array));
      return null;
    }
    boolean valid = true;
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      String at = field + "[" + i + "]";
      if (!element.isObject()) {
        item.problem(at, "must be an object, got " + ItemReader.describe(element));
        valid = false;
      } else if (!element.path(required).isTextual() || element.get(required).textValue().isBlank()) {
        item.problem(at + "." + required, "is required: a URL string");
        valid = false;
      } else if (!ItemReader.wellFormed(element.get(required).textValue())) {
        item.problem(at + "." + required, "contains a NUL character or an unpaired surrogate; send valid Unicode text");
        valid = false;
      }
    }
    if (!valid || array.isEmpty()) {
      return null;
    }
    String text = array.toString();
    if (text.length() > maxLength) {
      item.problem(field, "is " + text.length() + " characters long as JSON; at most " + maxLength + " allowed");
      return null;
    }
    if (!ItemReader.wellFormed(text)) {
      item.problem(field, "contains a NUL character or an unpaired surrogate; send valid Unicode text");
      return null;
    }
    return text;
  }

  private static void putNonEmpty(Map<String, String> map, String name, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(name, value);
    }
  }

  @Override
  public Reply reply(DecodeResult result) {
    if (result.problems().isEmpty() && result.events().size() == 1) {
      return new Reply(202, "application/json", ReplyJson.bytes(ReplyJson.object(
          "status", "success", "message", "Event processed", "dedup_key", result.events().get(0).dedupKey())));
    }
    List<String> errors = new ArrayList<>();
    List<Problem> problems = result.problems();
    for (Problem problem : problems.subList(0, Math.min(problems.size(), Problems.MAX_LISTED))) {
      errors.add(problem.field().isEmpty() ? problem.message() : "'" + problem.field() + "' " + problem.message());
    }
    if (problems.size() > Problems.MAX_LISTED) {
      errors.add("and " + (problems.size() - Problems.MAX_LISTED) + " more problems");
    }
    if (errors.isEmpty()) {
      errors.add("no event in the body");
    }
    return new Reply(400, "application/json", ReplyJson.bytes(ReplyJson.object(
        "status", "invalid event", "message", "Event object is invalid", "errors", errors)));
  }
}
