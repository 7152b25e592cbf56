package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.ingest.DecodeResult.Problem;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one JSON object in a batch and records a located {@link Problem} for every
 * field it cannot use. Readers return null (or an empty map) for a bad field and carry on, so one
 * request reports all of an alert's problems at once.
 */
final class ItemReader {

  /** How strictly label and annotation names are checked. */
  enum Names {
    /** Prometheus' {@code [a-zA-Z_][a-zA-Z0-9_]*}, as Alertmanager enforces. */
    PROMETHEUS,
    /** Any non-empty name without control characters: Grafana lets users pick names Prometheus would refuse. */
    LENIENT
  }

  static final String LABEL_NAME_SYNTAX = "[a-zA-Z_][a-zA-Z0-9_]*";
  private static final int QUOTE_LIMIT = 64;

  private final JsonNode node;
  private final int index;
  private final IngestLimits limits;
  private final List<Problem> problems;
  private final ItemReader parent;
  private final String prefix;
  private boolean failed;

  ItemReader(JsonNode node, int index, IngestLimits limits, List<Problem> problems) {
    this(node, index, limits, problems, null, "");
  }

  private ItemReader(JsonNode node, int index, IngestLimits limits, List<Problem> problems, ItemReader parent,
      String prefix) {
    this.node = node;
    this.index = index;
    this.limits = limits;
    this.problems = problems;
    this.parent = parent;
    this.prefix = prefix;
  }

  /**
   * A reader for the object in {@code field} (PagerDuty's {@code payload}), whose problems are
   * located under it ({@code payload.summary}) and fail this item too; null when the field is
   * absent or is not an object, with a problem in the latter case.
   */
  ItemReader object(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      problem(field, "must be an object, got " + describe(value));
      return null;
    }
    return new ItemReader(value, index, limits, problems, this, field);
  }

  IngestLimits limits() {
    return limits;
  }

  /** True once any problem was recorded for this item: the item must not become an event. */
  boolean failed() {
    return failed;
  }

  void problem(String field, String message) {
    failed = true;
    if (parent != null) {
      parent.problem(field.isEmpty() ? prefix : field.startsWith("[") ? prefix + field : prefix + "." + field, message);
    } else {
      problems.add(new Problem(index, field, message));
    }
  }

  /** The field's node, or null when absent or JSON null (Go senders write null for "not set"). */
  JsonNode present(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  boolean has(String field) {
    return present(field) != null;
  }

  Iterator<String> fieldNames() {
    return node.fieldNames();
  }

  /** A string field, or null when absent; a problem when it is another type or longer than {@code maxLength}. */
  String text(String field, int maxLength) {
    JsonNode value = present(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem(field, "must be a string, got " + describe(value));
      return null;
    }
    String text = value.textValue();
    if (text.length() > maxLength) {
      problem(field, "is " + text.length() + " characters long; at most " + maxLength + " allowed");
      return null;
    }
    if (!wellFormed(text)) {
      problem(field, "contains a NUL character or an unpaired surrogate; send valid Unicode text");
      return null;
    }
    return text;
  }

  /** A required non-blank string field. */
  String requiredText(String field, int maxLength) {
    int before = problems.size();
    String text = text(field, maxLength);
    if (text == null && problems.size() == before) {
      problem(field, "is required");
    } else if (text != null && text.isBlank()) {
      problem(field, "must not be blank");
      return null;
    }
    return text;
  }

  /** An RFC 3339 time field, or null when absent, null or Go's zero time. */
  Instant time(String field) {
    String text = text(field, 64);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      problem(field, e.getMessage());
      return null;
    }
  }

  /**
   * A label set: an object of string values. Empty values are dropped, as Prometheus treats an
   * empty label as absent; a null value counts as empty when {@code nullIsEmpty} (Go decodes JSON
   * null into "").
   */
  Map<String, String> labels(String field, Names names, boolean nullIsEmpty) {
    return stringMap(field, names, nullIsEmpty, true, limits.maxLabelValueLength(), limits.maxLabelsPerAlert(), "label");
  }

  /** Annotations: like labels, but empty values are kept and values may be longer. */
  Map<String, String> annotations(String field, Names names, boolean nullIsEmpty) {
    return stringMap(field, names, nullIsEmpty, false, limits.maxAnnotationValueLength(), Integer.MAX_VALUE, "annotation");
  }

  private Map<String, String> stringMap(
      String field, Names names, boolean nullIsEmpty, boolean dropEmpty, int maxValue, int maxEntries, String noun) {
    Map<String, String> result = new LinkedHashMap<>();
    JsonNode value = present(field);
    if (value == null) {
      return result;
    }
    if (!value.isObject()) {
      problem(field, "must be an object of " + noun + " names to string values, got " + describe(value));
      return result;
    }
    if (value.size() > maxEntries) {
      problem(field, "has " + value.size() + " " + noun + "s; at most " + maxEntries + " allowed");
      return result;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode v = entry.getValue();
      String nameProblem = checkName(name, names, noun);
      if (nameProblem != null) {
        problem(path(field, name), nameProblem);
        continue;
      }
      String text;
      if (v.isNull() && nullIsEmpty) {
        text = "";
      } else if (v.isTextual()) {
        text = v.textValue();
      } else {
        problem(path(field, name), "value must be a string, got " + describe(v) + (v.isNumber() || v.isBoolean() ? "; quote it" : ""));
        continue;
      }
      if (text.length() > maxValue) {
        problem(path(field, name), "value is " + text.length() + " characters long; at most " + maxValue + " allowed");
        continue;
      }
      if (!wellFormed(text)) {
        problem(path(field, name), "value contains a NUL character or an unpaired surrogate; send valid Unicode text");
        continue;
      }
      if (dropEmpty && text.isEmpty()) {
        continue;
      }
      result.put(name, text);
    }
    return result;
  }

  private String checkName(String name, Names names, String noun) {
    if (name.length() > limits.maxLabelNameLength()) {
      return noun + " name is " + name.length() + " characters long; at most " + limits.maxLabelNameLength() + " allowed";
    }
    if (names == Names.PROMETHEUS) {
      return isPlainName(name)
          ? null
          : "invalid " + noun + " name " + quote(name) + ": must match " + LABEL_NAME_SYNTAX;
    }
    if (name.isBlank()) {
      return noun + " name must not be blank";
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "invalid " + noun + " name " + quote(name) + ": control characters are not allowed";
      }
    }
    return wellFormed(name) ? null : "invalid " + noun + " name: it holds an unpaired surrogate";
  }

  /** {@value #LABEL_NAME_SYNTAX}, checked by hand: a regex costs more than the rest of decoding a label. */
  static boolean isPlainName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A JSON-path-like location of {@code name} inside {@code parent} ("" for the item itself):
   * {@code labels.team} or {@code labels["a-b"]}.
   */
  static String path(String parent, String name) {
    if (isPlainName(name) && name.length() <= QUOTE_LIMIT) {
      return parent.isEmpty() ? name : parent + "." + name;
    }
    return parent + "[" + quote(name) + "]";
  }

  /** {@code text} in double quotes, JSON-escaped and shortened, for messages. */
  static String quote(String text) {
    String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
    StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** "a string", "a number (42)", "an object", … for type errors. */
  static String describe(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "a string " + quote(value.textValue());
    }
    if (value.isNumber()) {
      String n = value.asText();
      return "a number (" + (n.length() > 32 ? n.substring(0, 32) + "…" : n) + ")";
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "true" : "false";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** No NUL (SQLite and C tools truncate at it) and no unpaired UTF-16 surrogates (not encodable as UTF-8). */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
