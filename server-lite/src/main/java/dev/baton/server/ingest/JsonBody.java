package dev.baton.server.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Parses request bodies into JSON trees under hard bounds: nesting depth, string, name and number
 * length. Duplicate keys and content after the value are errors, so what is stored is never ambiguous.
 */
final class JsonBody {

  /** Deep enough for every sender's payload (PagerDuty custom_details included), shallow enough to be cheap. */
  static final int MAX_NESTING_DEPTH = 32;
  /** Longer numbers are never meaningful in an alert and cost quadratic time to convert. */
  static final int MAX_NUMBER_LENGTH = 64;

  /** Jackson names its own source settings in nested locations; keep only line and column. */
  private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  private final ObjectMapper mapper;
  private final int maxString;
  private final int maxName;

  JsonBody(IngestLimits limits) {
    // Strings up to 4x the largest accepted value still parse, so an oversized value is reported
    // as a located problem on its alert; only absurd ones reject the body.
    this.maxString = Math.max(1 << 16, 4 * Math.max(limits.maxAnnotationValueLength(), limits.maxLabelValueLength()));
    this.maxName = Math.max(1024, 4 * limits.maxLabelNameLength());
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(maxString)
            .maxNameLength(maxName)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** The tree, or a message saying what is wrong and where. Never throws. */
  Parsed parse(byte[] body) {
    if (body == null || isBlank(body)) {
      return new Parsed(null, "body is empty");
    }
    try (JsonParser parser = mapper.createParser(body)) {
      try {
        JsonNode node = mapper.readTree(parser);
        if (node == null || node.isMissingNode()) {
          return new Parsed(null, "body is empty");
        }
        if (parser.nextToken() != null) {
          return new Parsed(null, "body is not valid JSON" + at(parser.currentTokenLocation())
              + ": more content after the JSON value; send exactly one value");
        }
        return new Parsed(node, null);
      } catch (StreamConstraintsException e) {
        return new Parsed(null, "body exceeds a limit" + at(parser.currentTokenLocation()) + ": " + constraint(e));
      } catch (JacksonException e) {
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return new Parsed(null, "body is not valid JSON" + at(location) + ": " + firstLine(e.getOriginalMessage()));
      }
    } catch (IOException e) {
      return new Parsed(null, "body could not be read: " + firstLine(e.getMessage()));
    }
  }

  /** Jackson's constraint messages name its own configuration methods; say what the sender did instead. */
  private String constraint(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Document nesting depth")) {
      return "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels";
    }
    if (message.startsWith("Number value length")) {
      return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    if (message.startsWith("String value length")) {
      return "a string longer than " + maxString + " characters";
    }
    if (message.startsWith("Name length")) {
      return "a field name longer than " + maxName + " characters";
    }
    return firstLine(message);
  }

  /** A one-element array holding {@code item}, for bodies that may be a single object or a batch. */
  JsonNode arrayOf(JsonNode item) {
    return mapper.createArrayNode().add(item);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return SOURCE_REFERENCE.matcher(line).replaceAll("line $1, column $2");
  }

  /** Exactly one of {@code node} and {@code error} is set. */
  record Parsed(JsonNode node, String error) {}
}
