package dev.baton.console.ui.filter;

import dev.baton.console.incident.IncidentSubjects;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.theme.BatonStyle;
import dev.baton.mql.complete.Completion;
import dev.baton.mql.complete.Suggestion;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The MQL filter bar: a one-line code editor with syntax colouring, the problem shown under it
 * (caret at the column, then the message), and a completion popup as you type (Ctrl+Space opens
 * it anywhere; Up/Down, Enter or Tab, Escape).
 */
public final class FilterBarView {

  private static final int POPUP_ROWS = 8;
  /**
   * Completion while typing waits for this pause, so a keystroke's frame carries only the filter and
   * the list it narrows; the popup follows a frame or two later, and not at all between fast keys.
   */
  static final Duration COMPLETION_PAUSE = Duration.millis(60);
  /**
   * The caret stops blinking, and stays shown, this long after the last edit, caret move or focus,
   * as GTK's does (its gtk-cursor-blink-timeout). RichTextFX blinks it with an animation, and a
   * running animation keeps the toolkit pulsing 60 times a second: all shift long, while the
   * filter keeps the focus after a filter was typed.
   */
  static final Duration CARET_BLINK_TIMEOUT = Duration.seconds(10);
  private static final Duration CARET_BLINK_RATE = Duration.millis(500);
  private static final int WARM_UP_KEYS = 8;

  private final FilterBarViewModel model;
  private final VBox root;
  private final Popup popup = new Popup();
  private final ListView<Suggestion> suggestions = new ListView<>();
  private final PauseTransition completeAfterPause = new PauseTransition(COMPLETION_PAUSE);
  private final PauseTransition steadyCaret;
  private Completion completion;
  private boolean updatingText;

  @FXML
  private CodeArea editor;
  @FXML
  private Label error;
  @FXML
  private Label hint;

  public FilterBarView(FilterBarViewModel model) {
    this(model, CARET_BLINK_TIMEOUT);
  }

  FilterBarView(FilterBarViewModel model, Duration caretBlinkTimeout) {
    this.model = model;
    this.steadyCaret = new PauseTransition(caretBlinkTimeout);
    this.root = Fxml.load(this, "FilterBar.fxml");
    Label hint = new Label("Filter with MQL, e.g.  project = \"charlie\" AND ~kubernetes = \"prod-eu\"   (Ctrl+F or /)");
    hint.getStyleClass().add(BatonStyle.PLACEHOLDER);
    editor.setPlaceholder(hint);
    buildPopup();
    wire();
  }

  private void buildPopup() {
    suggestions.setId("mql-completions");
    suggestions.setPrefHeight(POPUP_ROWS * 26);
    suggestions.setPrefWidth(420);
    suggestions.setFocusTraversable(false);
    suggestions.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Suggestion item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null
            : item.detail().isEmpty() ? item.text() : item.text() + "    " + item.detail());
      }
    });
    suggestions.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        acceptSelected();
      }
    });
    popup.getContent().add(suggestions);
    popup.setAutoHide(true);
    // However it closes (Esc, which the popup takes before the bar sees it; a click elsewhere), a
    // completion still waiting for a pause in typing must not open it again.
    popup.setOnHiding(e -> completeAfterPause.stop());
  }

  private void wire() {
    editor.textProperty().addListener((obs, was, now) -> {
      if (!updatingText) {
        updatingText = true;
        model.textProperty().set(now.replace('\n', ' '));
        updatingText = false;
      }
      colour();
      blinkAgain();
    });
    model.textProperty().addListener((obs, was, now) -> {
      if (!updatingText && !now.equals(editor.getText())) {
        updatingText = true;
        editor.replaceText(now);
        editor.moveTo(now.length());
        updatingText = false;
        colour();
      }
    });
    model.errorTextProperty().addListener((obs, was, now) -> showError(now));
    showError(model.errorTextProperty().get());
    editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    completeAfterPause.setOnFinished(e -> showCompletion(false));
    editor.addEventHandler(KeyEvent.KEY_TYPED, e -> {
      String typed = e.getCharacter();
      if (!typed.isEmpty() && !Character.isISOControl(typed.charAt(0)) && !" ".equals(typed)) {
        completeAfterPause.playFromStart();
      } else if (" ".equals(typed)) {
        completeAfterPause.stop();
        popup.hide();
      }
    });
    editor.focusedProperty().addListener((obs, was, now) -> {
      if (now) {
        blinkAgain();
      } else {
        completeAfterPause.stop();
        popup.hide();
        steadyCaret.stop();
      }
    });
    editor.caretPositionProperty().addListener((obs, was, now) -> blinkAgain());
    steadyCaret.setOnFinished(e -> editor.getCaretSelectionBind().setBlinkRate(Duration.ZERO));
    // The popup belongs to the window: when the bar leaves it (or it gets another scene), so does the popup.
    editor.sceneProperty().addListener((obs, was, now) -> {
      popup.hide();
      if (now != null) {
        now.windowProperty().addListener((o, w, n) -> popup.hide());
      }
    });
  }

  /** The caret blinks again, until {@link #CARET_BLINK_TIMEOUT} passes without an edit or a move. */
  private void blinkAgain() {
    if (!editor.isFocused()) {
      return;
    }
    if (!CARET_BLINK_RATE.equals(editor.getCaretSelectionBind().getBlinkRate())) {
      editor.getCaretSelectionBind().setBlinkRate(CARET_BLINK_RATE);
    }
    steadyCaret.playFromStart();
  }

  private void keyPressed(KeyEvent e) {
    if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
      completeAfterPause.stop();
      showCompletion(true);
      e.consume();
      return;
    }
    boolean settlesCompletion = switch (e.getCode()) {
      case DOWN, UP, ENTER, TAB, ESCAPE -> true;
      default -> false;
    };
    if (settlesCompletion && completeAfterPause.getStatus() == Animation.Status.RUNNING) {
      // A completion waiting for a pause in typing: Esc drops it; the other keys act on the popup,
      // brought up to date with the keys typed since it was filled (Enter with none leaves none behind).
      completeAfterPause.stop();
      if (popup.isShowing() && e.getCode() != KeyCode.ESCAPE) {
        showCompletion(false);
      }
    }
    if (!popup.isShowing()) {
      if (e.getCode() == KeyCode.ENTER) {
        e.consume(); // one line only: Enter never inserts a newline
      }
      return;
    }
    switch (e.getCode()) {
      case DOWN -> suggestions.getSelectionModel().selectNext();
      case UP -> suggestions.getSelectionModel().selectPrevious();
      case ENTER, TAB -> acceptSelected();
      case ESCAPE -> popup.hide();
      default -> {
        return;
      }
    }
    suggestions.scrollTo(Math.max(0, suggestions.getSelectionModel().getSelectedIndex() - 2));
    e.consume();
  }

  private void showCompletion(boolean evenIfEmptyPrefix) {
    completion = model.complete(editor.getCaretPosition());
    if (completion.suggestions().isEmpty() || !evenIfEmptyPrefix && completion.from() == completion.to()) {
      popup.hide();
      return;
    }
    suggestions.getItems().setAll(completion.suggestions());
    suggestions.getSelectionModel().selectFirst();
    suggestions.scrollTo(0);
    if (!popup.isShowing() && editor.getScene() != null && editor.getScene().getWindow() != null) {
      Bounds caret = editor.getCaretBounds().orElse(editor.localToScreen(editor.getBoundsInLocal()));
      popup.show(editor, caret.getMinX(), caret.getMaxY() + 4);
    }
  }

  private void acceptSelected() {
    Suggestion chosen = suggestions.getSelectionModel().getSelectedItem();
    popup.hide();
    if (chosen != null && completion != null) {
      int caret = model.accept(completion, chosen);
      editor.moveTo(Math.min(caret, editor.getLength()));
    }
  }

  /**
   * The error and the hint share one line, which keeps its room: the list under it stays put
   * instead of moving a line up or down at each keystroke that makes the text valid or not (that
   * move also made the session's first keystroke 20 ms slower).
   */
  private void showError(String text) {
    error.setText(text);
    error.setVisible(!text.isEmpty());
    hint.setVisible(text.isEmpty());
  }

  private void colour() {
    String text = editor.getText();
    if (text.isEmpty()) {
      return;
    }
    editor.setStyleSpans(0, spans(text.length(), model.spans()));
  }

  /** Turns the ViewModel's (possibly overlapping: error last) spans into RichTextFX style spans. */
  static StyleSpans<Collection<String>> spans(int length, List<FilterBarViewModel.Span> spans) {
    String[] kinds = new String[length];
    for (FilterBarViewModel.Span span : spans) {
      for (int i = span.start(); i < Math.min(span.end(), length); i++) {
        kinds[i] = span.kind();
      }
    }
    StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
    int i = 0;
    while (i < length) {
      int j = i;
      while (j < length && java.util.Objects.equals(kinds[j], kinds[i])) {
        j++;
      }
      builder.add(kinds[i] == null ? Set.of() : Set.of(BatonStyle.mql(kinds[i])), j - i);
      i = j;
    }
    return builder.create();
  }

  /**
   * Types the start of a typical filter into a scratch editor, off the UI thread and never shown. The
   * session's first key loaded 80-90 classes of RichTextFX's edit path (its document, caret and
   * their lambdas) while the operator waited. A node outside any scene may be built and changed on
   * any thread, and RichTextFX's editor is made for it (it hands its input-method set-up to the FX
   * thread); typing into a second bar on the UI thread instead held that thread 0.2-0.3 s.
   */
  public static void warmUp() {
    CodeArea scratch = new CodeArea();
    // A few keys load what the first one would; more only cost. On a cold JVM 8 keys took 0.13 s;
    // every prefix of the three typical filters took 0.49 s and was still running at the first keys.
    String typical = IncidentSubjects.TYPICAL_FILTERS.get(0);
    for (int end = 1; end <= WARM_UP_KEYS; end++) {
      scratch.replaceText(typical.substring(0, end));
      scratch.moveTo(end);
      scratch.setStyleSpans(0, spans(end, List.of(new FilterBarViewModel.Span(0, Math.min(end, 7), "field"))));
    }
    scratch.replaceText("");
  }

  /** Puts the keyboard in the filter (Ctrl+F, /). */
  public void focus() {
    editor.requestFocus();
    editor.moveTo(editor.getLength());
  }

  public VBox root() {
    return root;
  }
}
