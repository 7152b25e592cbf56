package dev.baton.server.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.api.model.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a JSON body, collecting a located problem (field path and why) for
 * each bad value instead of stopping at the first; {@link #finish()} throws them all.
 */
final class BodyReader {

  private final List<FieldProblem> problems = new ArrayList<>();

  void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  boolean ok() {
    return problems.isEmpty();
  }

  void finish() {
    if (!problems.isEmpty()) {
      throw new InvalidPostmortem(problems);
    }
  }

  /** Reports keys of {@code object} outside {@code allowed} (typos would otherwise be silently dropped). */
  void onlyKeys(JsonNode object, String path, Set<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problem(path + key, "unknown field; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  /** Text of {@code max} characters at most, stripped; null when absent (a problem when required). */
  String text(JsonNode node, String field, int max, boolean required) {
    if (absent(node)) {
      if (required) {
        problem(field, "required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problem(field, "expected a string, got " + kind(node));
      return null;
    }
    String s = node.asText().strip();
    if (s.isEmpty()) {
      if (required) {
        problem(field, "required, got an empty string");
      }
      return null;
    }
    if (s.length() > max) {
      problem(field, "at most " + max + " characters, got " + s.length());
      return null;
    }
    return s;
  }

  /** A one-line name: like {@link #text} but without control characters. */
  String line(JsonNode node, String field, int max, boolean required) {
    String s = text(node, field, max, required);
    if (s != null && s.chars().anyMatch(Character::isISOControl)) {
      problem(field, "must be one line without control characters");
      return null;
    }
    return s;
  }

  Instant instant(JsonNode node, String field) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      problem(field, "expected an ISO-8601 time like 2026-11-21T10:00:00Z, got " + kind(node));
      return null;
    }
    try {
      return Instant.parse(node.asText().trim());
    } catch (DateTimeParseException e) {
      problem(field, "expected an ISO-8601 time like 2026-11-21T10:00:00Z, got '" + node.asText() + "'");
      return null;
    }
  }

  /** An id of {@code allowed}; null when absent. */
  String choice(JsonNode node, String field, List<dev.baton.api.model.Choice> allowed) {
    if (absent(node)) {
      return null;
    }
    String id = node.isTextual() ? node.asText() : null;
    for (dev.baton.api.model.Choice c : allowed) {
      if (c.id().equals(id)) {
        return id;
      }
    }
    List<String> ids = allowed.stream().map(dev.baton.api.model.Choice::id).toList();
    problem(field, "expected one of " + String.join(", ", ids) + ", got " + (id == null ? kind(node) : "'" + id + "'"));
    return null;
  }

  /** The elements of an array of at most {@code max}; empty when absent. */
  List<JsonNode> array(JsonNode node, String field, int max) {
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      problem(field, "expected a list, got " + kind(node));
      return List.of();
    }
    if (node.size() > max) {
      problem(field, "at most " + max + " entries, got " + node.size());
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  /** An object's node, or null with a problem when it is something else. */
  JsonNode object(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      problem(field, "expected an object, got " + kind(node));
      return null;
    }
    return node;
  }

  /** Distinct one-line names (teams, services). */
  List<String> names(JsonNode node, String field, int max, int maxLength) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = array(node, field, max);
    for (int i = 0; i < items.size(); i++) {
      String s = line(items.get(i), field + "[" + i + "]", maxLength, true);
      if (s != null && out.contains(s)) {
        problem(field + "[" + i + "]", "'" + s + "' is listed twice");
      } else if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  static String kind(JsonNode node) {
    if (absent(node)) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isArray() ? "a list" : "an object";
  }
}
