package dev.baton.server.runbook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.Problem;
import dev.baton.mql.ast.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one runbook file: YAML front matter between {@code ---} lines ({@code title}, {@code mql},
 * optional {@code priority}; other keys are left for the authors' own use), then the markdown body,
 * kept as written. Every problem comes back with its line in the file; nothing throws.
 */
public final class RunbookParser {

  /** Priority of a runbook whose front matter gives none: after every runbook that gives one. */
  public static final int DEFAULT_PRIORITY = 100;

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Mql MQL = Mql.forIncidents();

  /** The runbook, or why the file cannot be one. */
  public record Result(Runbook runbook, List<RunbookProblem> problems) {

    public Result {
      problems = problems.stream().sorted(Comparator.comparingInt(RunbookProblem::line)).toList();
    }

    public boolean ok() {
      return runbook != null;
    }
  }

  private RunbookParser() {}

  /**
   * @param path where the file is, relative to the runbooks folder (used in problems)
   * @param text the file's content
   */
  public static Result parse(String path, String text) {
    String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
    if (!lines[0].strip().equals("---")) {
      return failure(path, 1, "expected front matter: a first line '---', then title, mql and priority, then '---'");
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.equals("---") || l.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return failure(path, 1, "the front matter opened here is never closed by a '---' line");
    }
    String frontMatter = String.join("\n", Arrays.copyOfRange(lines, 1, close));
    String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
    return new FrontMatter(path, frontMatter).runbook(body);
  }

  private static Result failure(String path, int line, String message) {
    return new Result(null, List.of(new RunbookProblem(path, line, message)));
  }

  /** The front matter's top-level keys with the file line of each value (the front matter starts on line 2). */
  private static final class FrontMatter {
    private final String path;
    private final String text;
    private final Map<String, JsonNode> values = new HashMap<>();
    private final Map<String, Integer> valueLines = new HashMap<>();
    private final List<RunbookProblem> problems = new ArrayList<>();

    FrontMatter(String path, String text) {
      this.path = path;
      this.text = text;
    }

    Result runbook(String body) {
      if (!read()) {
        return new Result(null, problems);
      }
      String title = text("title", true);
      String mql = text("mql", false);
      int priority = priority();
      Query query = null;
      if (mql != null) {
        ParseResult<Query> parsed = MQL.parse(mql);
        if (parsed.ok()) {
          query = parsed.value();
        } else {
          for (Problem p : parsed.problems()) {
            problems.add(new RunbookProblem(path, valueLines.get("mql") + p.line() - 1,
                "mql " + p + "\n" + p.caret(mql)));
          }
        }
      }
      if (!problems.isEmpty() || title == null || query == null) {
        return new Result(null, problems);
      }
      return new Result(new Runbook(path, title, mql.strip(), priority, body, MQL.predicate(query)), List.of());
    }

    /** Reads the YAML mapping; false (with a problem) when it is not one. */
    private boolean read() {
      try (JsonParser p = YAML.createParser(text)) {
        JsonToken start = p.nextToken();
        if (start == null) {
          problems.add(new RunbookProblem(path, 2, "the front matter is empty; it needs title and mql"));
          return false;
        }
        if (start != JsonToken.START_OBJECT) {
          problems.add(new RunbookProblem(path, 2, "the front matter must be a mapping of title, mql and priority"));
          return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          valueLines.put(key, p.currentTokenLocation().getLineNr() + 1);
          values.put(key, p.readValueAsTree());
        }
        return true;
      } catch (JsonProcessingException e) {
        int line = e.getLocation() == null ? 2 : e.getLocation().getLineNr() + 1;
        problems.add(new RunbookProblem(path, line, "front matter is not valid YAML: " + e.getOriginalMessage()));
        return false;
      } catch (IOException e) {
        problems.add(new RunbookProblem(path, 2, "cannot read the front matter: " + e.getMessage()));
        return false;
      }
    }

    /** A text value; blank counts as missing when {@code nonBlank}. Null (with a problem) when absent or not text. */
    private String text(String key, boolean nonBlank) {
      JsonNode node = values.get(key);
      if (node == null || node.isNull()) {
        problems.add(new RunbookProblem(path, valueLines.getOrDefault(key, 2), key + ": required"
            + (key.equals("mql") ? " (an empty string matches every incident)" : "")));
        return null;
      }
      if (!node.isValueNode() || node.isBoolean() || (nonBlank && node.asText().isBlank())) {
        problems.add(new RunbookProblem(path, valueLines.get(key), key + ": expected "
            + (nonBlank ? "a non-empty text" : "text") + ", got '" + node + "'"));
        return null;
      }
      return node.asText();
    }

    private int priority() {
      JsonNode node = values.get("priority");
      if (node == null || node.isNull()) {
        return DEFAULT_PRIORITY;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        problems.add(new RunbookProblem(path, valueLines.get("priority"),
            "priority: expected a whole number (lower is listed first), got '" + node.asText() + "'"));
        return DEFAULT_PRIORITY;
      }
      return node.asInt();
    }
  }
}
