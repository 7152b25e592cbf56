package dev.baton.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.incident.Holding;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.policy.Severity;
import dev.baton.server.query.BadRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API edge of the relay baton: turns an action's JSON body into a validated
 * {@link IncidentCommand}, or a {@link BadRequest} naming the field at fault and why. Whether the
 * incident's state allows it is for the writer to decide.
 */
final class ActionRequests {

  /** The actions, with the body fields each accepts. */
  static final Map<String, Set<String>> FIELDS = Map.of(
      "take", Set.of(),
      "handover", Set.of("to", "comment"),
      "snooze", Set.of("for", "until", "forever", "close_if_ok", "comment"),
      "unsnooze", Set.of("comment"),
      "close", Set.of("comment"),
      "describe", Set.of("short", "long"),
      "comment", Set.of("text"),
      "severity", Set.of("level", "comment"));

  /** Longest snooze by duration or date: a year. Longer is "forever", which says so. */
  static final Duration MAX_SNOOZE = Duration.ofDays(365);
  static final int MAX_SHORT = 200;
  static final int MAX_TEXT = 10_000;
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([wdhms])");

  private ActionRequests() {}

  /** The body as a JSON object; an empty body is {@code {}}. */
  static JsonNode body(byte[] bytes) {
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      return ApiJson.MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = ApiJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadRequest("body", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadRequest("body", "the body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequest("body", "the body must be a JSON object, like {\"comment\": \"…\"}");
    }
    return node;
  }

  /** The command {@code action} (a key of {@link #FIELDS}) asks for with this body, as of {@code now}. */
  static IncidentCommand parse(String action, JsonNode body, Instant now) {
    Set<String> allowed = FIELDS.get(action);
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new BadRequest(name, "unknown field '" + name + "' for " + action + "; "
            + (allowed.isEmpty() ? "it takes no fields" : "expected " + String.join(", ", new TreeSet<>(allowed))));
      }
    }
    switch (action) {
      case "take":
        return new IncidentCommand.Take();
      case "handover": {
        String to = required(body, "to", MAX_SHORT);
        if (!Holding.validHolder(to)) {
          throw new BadRequest("to", "'" + to + "' is not a holder; hand over to a person like '@alice' or a team"
              + " queue like '#l1' (letters, digits, '.', '_', '-')");
        }
        return new IncidentCommand.Handover(to, required(body, "comment", MAX_TEXT));
      }
      case "snooze":
        return snooze(body, now);
      case "unsnooze":
        return new IncidentCommand.Unsnooze(optional(body, "comment", MAX_TEXT));
      case "close": {
        String comment = optional(body, "comment", MAX_TEXT);
        return new IncidentCommand.Close(comment == null ? "" : comment);
      }
      case "describe": {
        String shortText = optional(body, "short", MAX_SHORT);
        String longText = optional(body, "long", MAX_TEXT);
        if (shortText == null && longText == null) {
          throw new BadRequest("short", "describe needs 'short' (one line) or 'long' (markdown), or both");
        }
        if (shortText != null && (shortText.contains("\n") || shortText.contains("\r"))) {
          throw new BadRequest("short", "'short' is one line; put more in 'long'");
        }
        return new IncidentCommand.Describe(shortText, longText);
      }
      case "comment":
        return new IncidentCommand.Comment(required(body, "text", MAX_TEXT));
      case "severity": {
        String text = required(body, "level", MAX_SHORT);
        Severity level = text.length() == 2 && text.charAt(0) == 'S' ? Severity.parse(text) : null;
        if (level == null) {
          throw new BadRequest("level", "'" + text + "' is not a severity; expected S1 (worst) .. S9");
        }
        return new IncidentCommand.SetSeverity(level, required(body, "comment", MAX_TEXT));
      }
      default:
        throw new IllegalArgumentException("no action " + action);
    }
  }

  private static IncidentCommand snooze(JsonNode body, Instant now) {
    String forText = optional(body, "for", MAX_SHORT);
    String untilText = optional(body, "until", MAX_SHORT);
    boolean forever = flag(body, "forever");
    boolean closeIfOk = flag(body, "close_if_ok");
    String comment = optional(body, "comment", MAX_TEXT);
    int given = (forText != null ? 1 : 0) + (untilText != null ? 1 : 0) + (forever ? 1 : 0);
    if (given == 0) {
      throw new BadRequest("for", "say how long: 'for' (like 30m, 1h, 1d), 'until' (an RFC 3339 time) or"
          + " 'forever': true");
    }
    if (given > 1) {
      List<String> named = new java.util.ArrayList<>();
      if (forText != null) {
        named.add("for");
      }
      if (untilText != null) {
        named.add("until");
      }
      if (forever) {
        named.add("forever");
      }
      throw new BadRequest(named.get(1), "give only one of 'for', 'until' and 'forever'; got "
          + String.join(" and ", named));
    }
    if (forever) {
      if (comment == null) {
        throw new BadRequest("comment", "snoozing forever needs a comment saying why (it stays visible as forever)");
      }
      return new IncidentCommand.Snooze(0, true, closeIfOk, comment);
    }
    Instant until;
    if (forText != null) {
      Duration d = duration(forText);
      if (d.isZero() || d.compareTo(MAX_SNOOZE) > 0) {
        throw new BadRequest("for", "'" + forText + "' is not between 1s and 365d; for longer, snooze forever");
      }
      until = now.plus(d);
    } else {
      try {
        until = OffsetDateTime.parse(untilText).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadRequest("until", "'" + untilText + "' is not an RFC 3339 time like 2026-11-21T18:00:00Z");
      }
      if (!until.isAfter(now)) {
        throw new BadRequest("until", untilText + " is not in the future (the receiver's time is " + now + ")");
      }
      if (until.isAfter(now.plus(MAX_SNOOZE))) {
        throw new BadRequest("until", untilText + " is more than 365 days away; for longer, snooze forever");
      }
    }
    return new IncidentCommand.Snooze(until.toEpochMilli(), false, closeIfOk, comment);
  }

  /** {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 2d}, {@code 1w}, {@code 90s}. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "w" -> Duration.ofDays(7 * n);
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new BadRequest("for", "'" + text + "' is not a duration; use numbers with s, m, h, d or w, like 30m,"
          + " 1h, 1h30m, 1d");
    }
    return total;
  }

  /** A non-blank string field. */
  static String required(JsonNode body, String field, int maxLength) {
    String value = optional(body, field, maxLength);
    if (value == null) {
      throw new BadRequest(field, "'" + field + "' is required and must not be blank");
    }
    return value;
  }

  /** A string field, trimmed; null when absent, null or blank. */
  private static String optional(JsonNode body, String field, int maxLength) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadRequest(field, "'" + field + "' must be a string, got " + node.getNodeType().name().toLowerCase(
          java.util.Locale.ROOT) + " " + node);
    }
    String value = node.asText().strip();
    if (value.length() > maxLength) {
      throw new BadRequest(field, "'" + field + "' is longer than " + maxLength + " characters");
    }
    return value.isEmpty() ? null : value;
  }

  private static boolean flag(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new BadRequest(field, "'" + field + "' must be true or false, got " + node);
    }
    return node.booleanValue();
  }
}
