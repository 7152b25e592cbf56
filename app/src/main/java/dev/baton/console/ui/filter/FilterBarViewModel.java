package dev.baton.console.ui.filter;

import dev.baton.console.incident.IncidentSubjects;
import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.Problem;
import dev.baton.mql.ast.Query;
import dev.baton.mql.complete.Completer;
import dev.baton.mql.complete.Completion;
import dev.baton.mql.complete.Suggestion;
import dev.baton.mql.complete.Vocabulary;
import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.parse.Lexeme;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The MQL filter bar's state: the text, the query it compiles to (the last valid one stays in
 * force while the text has an error, so the list does not flicker as you type), the problem with
 * its position, colouring spans and completion.
 */
public final class FilterBarViewModel {

  /** A coloured range of the text: {@code kind} is field, label, keyword, operator, string, target, word or error. */
  public record Span(int start, int end, String kind) {
  }

  private final Mql mql;
  private final StringProperty text = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<CompiledQuery> query = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
  private final ObjectProperty<Vocabulary> vocabulary = new SimpleObjectProperty<>(Vocabulary.NONE);

  public FilterBarViewModel(Mql mql) {
    this.mql = mql;
    text.addListener((obs, was, now) -> parse(now));
  }

  private void parse(String now) {
    Reading reading = read(mql, now);
    problem.set(reading.problem());
    errorText.set(reading.errorText());
    if (reading.problem() == null) {
      query.set(reading.query()); // with a problem, the last valid query stays in force
    }
  }

  /** What a text means: its query (null when blank), or its first problem and the line that shows it. */
  private record Reading(CompiledQuery query, Problem problem, String errorText) {
  }

  private static Reading read(Mql mql, String text) {
    if (text.isBlank()) {
      return new Reading(null, null, "");
    }
    ParseResult<Query> parsed = mql.parse(text);
    if (parsed.ok()) {
      return new Reading(mql.predicate(parsed.value()), null, "");
    }
    Problem first = parsed.problems().get(0);
    return new Reading(null, first, caretLine(text, first));
  }

  /** The caret under the problem's column followed by the message: {@code        ^ 1:8: unknown field …}. */
  static String caretLine(String source, Problem problem) {
    String caret = problem.caret(source);
    return caret.substring(caret.indexOf('\n') + 1) + " " + problem;
  }

  /** Colours for the current text, token by token; the problem's range is marked as an error. */
  public List<Span> spans() {
    return spans(mql, text.get(), problem.get());
  }

  private static List<Span> spans(Mql mql, String text, Problem p) {
    List<Span> spans = new ArrayList<>();
    for (Lexeme lexeme : Lexeme.of(text)) {
      spans.add(new Span(lexeme.start(), lexeme.end(), kind(mql, lexeme)));
    }
    if (p != null && p.length() > 0 && p.offset() < text.length()) {
      spans.add(new Span(p.offset(), Math.min(text.length(), p.offset() + p.length()), "error"));
    }
    return spans;
  }

  private static String kind(Mql mql, Lexeme lexeme) {
    return switch (lexeme.kind()) {
      case WORD -> mql.catalog().field(lexeme.text()).isPresent() ? "field" : "word";
      case LABEL -> "label";
      case AND, OR, NOT -> "keyword";
      case OPERATOR, LPAREN, RPAREN, COMMA, ARROW -> "operator";
      case STRING -> "string";
      case PERSON, TEAM -> "target";
      case UNTERMINATED_STRING, UNEXPECTED -> "error";
    };
  }

  /**
   * Does off the UI thread what typing a filter does, for every prefix of the
   * {@linkplain IncidentSubjects#TYPICAL_FILTERS typical filters}:
   * parse, compile or describe the problem, colour, complete. The parser's prediction caches and
   * the compiled code are then ready for the session's first keystrokes, which otherwise pay for
   * them while the operator waits.
   */
  public static void warmUp(Mql mql) {
    Completer completer = mql.completer(Vocabulary.NONE);
    for (String typical : IncidentSubjects.TYPICAL_FILTERS) {
      for (int end = 1; end <= typical.length(); end++) {
        String text = typical.substring(0, end);
        spans(mql, text, read(mql, text).problem());
        completer.complete(text, end);
      }
    }
  }

  /** What fits at {@code caret}, from MQL's fields plus the current vocabulary. */
  public Completion complete(int caret) {
    return mql.completer(vocabulary.get()).complete(text.get(), caret);
  }

  /** Applies a suggestion and returns where the caret goes: after the inserted text (and a space). */
  public int accept(Completion completion, Suggestion suggestion) {
    String before = text.get();
    String applied = completion.apply(before, suggestion);
    int caret = completion.from() + suggestion.text().length();
    if (caret == applied.length()) {
      applied = applied + " ";
      caret++;
    }
    text.set(applied);
    return caret;
  }

  /** Adds {@code ~name = "value"} (or {@code !=}) to the filter with AND. */
  public void addLabelMatch(String name, String value, boolean negate) {
    String quoted = '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    String match = "~" + name + (negate ? " != " : " = ") + quoted;
    String now = text.get().strip();
    text.set(now.isEmpty() ? match : now + " AND " + match);
  }

  public void clear() {
    text.set("");
  }

  public StringProperty textProperty() {
    return text;
  }

  /** The query in force; null when the filter is empty. */
  public ReadOnlyObjectProperty<CompiledQuery> queryProperty() {
    return query.getReadOnlyProperty();
  }

  /** The first problem of the text, or null when it is valid. */
  public ReadOnlyObjectProperty<Problem> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Caret line plus message, or empty. */
  public ReadOnlyStringProperty errorTextProperty() {
    return errorText.getReadOnlyProperty();
  }

  public ObjectProperty<Vocabulary> vocabularyProperty() {
    return vocabulary;
  }
}
