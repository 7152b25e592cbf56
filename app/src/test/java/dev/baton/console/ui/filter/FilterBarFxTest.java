package dev.baton.console.ui.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import dev.baton.console.LiveConsole;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.theme.Theme;
import dev.baton.mql.Mql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.fxmisc.richtext.CaretNode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Typing into the real filter bar on Monocle: colouring, the located error, completion. */
@ExtendWith(ApplicationExtension.class)
class FilterBarFxTest {

  /** Shorter than the console's ten seconds, so the test that waits for it is quick. */
  private static final Duration CARET_BLINK_TIMEOUT = Duration.millis(1_500);

  private FilterBarViewModel model;
  private FilterBarView view;

  @Start
  void start(Stage stage) {
    model = new FilterBarViewModel(Mql.forIncidents());
    view = new FilterBarView(model, CARET_BLINK_TIMEOUT);
    Scene scene = new Scene(view.root(), 900, 120);
    Theme.LIGHT.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void aSyntaxErrorIsShownInPlaceWithACaretUnderItsColumn(FxRobot robot) {
    Label hint = robot.lookup("#mql-hint").queryAs(Label.class);
    assertTrue(hint.isVisible(), "the hint shows while there is no error");
    double barHeight = view.root().getHeight();
    robot.clickOn("#mql-filter").write("project = \"payments\" AND severity ! S1");
    WaitForAsyncUtils.waitForFxEvents();
    Label error = robot.lookup("#mql-error").queryAs(Label.class);
    assertTrue(error.isVisible());
    assertFalse(hint.isVisible(), "the error takes the hint's line");
    assertEquals(barHeight, view.root().getHeight(), "the bar keeps its height: what is under it does not move");
    String[] lines = error.getText().split("\n");
    String shown = lines[lines.length - 1];
    assertEquals(34, shown.indexOf('^'), shown);
    assertTrue(shown.contains("1:35: unexpected character '!': did you mean '!=' or '!~'?"), shown);
    CodeArea editor = robot.lookup("#mql-filter").queryAs(CodeArea.class);
    assertTrue(editor.getStyleOfChar(36).contains("mql-error") || editor.getStyleOfChar(34).contains("mql-error"),
        "the offending character is marked");
    assertTrue(editor.getStyleOfChar(0).contains("mql-field"));
    assertTrue(editor.getStyleOfChar(12).contains("mql-string"));

    for (int i = 0; i < 4; i++) {
      robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
    }
    robot.write("= S1");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(error.isVisible(), error.getText());
    assertEquals("project = \"payments\" AND severity = S1", model.textProperty().get());
  }

  @Test
  void completionPopupAcceptsWithEnter(FxRobot robot) {
    robot.clickOn("#mql-filter").write("sever");
    LiveConsole.await("the completion popup after a pause in typing", () -> completionsShowing(robot));
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("severity ", model.textProperty().get());
  }

  @Test
  void keysTypedJustBeforeEnterAreCompletedNotTheTextTheShownPopupWasMadeFor(FxRobot robot) throws Exception {
    robot.clickOn("#mql-filter").write("s");
    LiveConsole.await("the completion popup for 's'", () -> completionsShowing(robot));
    // Typed and accepted within one pause: the popup still lists what fits 's' (severity first) when Enter arrives.
    keys(robot, "t", "a", KeyCode.ENTER);
    assertEquals("state ", model.textProperty().get());
  }

  @Test
  void enterRightAfterTypingLeavesNoPopupBehind(FxRobot robot) throws Exception {
    robot.clickOn("#mql-filter");
    keys(robot, "s", KeyCode.ENTER);
    assertNoPopupAfterThePause(robot, "after Enter");
    assertEquals("s", model.textProperty().get());
  }

  @Test
  void escapeWhileThePopupWaitsForAPauseClosesItForGood(FxRobot robot) throws Exception {
    robot.clickOn("#mql-filter").write("s");
    LiveConsole.await("the completion popup for 's'", () -> completionsShowing(robot));
    keys(robot, "t", KeyCode.ESCAPE);
    assertNoPopupAfterThePause(robot, "after Esc");
    assertEquals("st", model.textProperty().get());
  }

  @Test
  void theCaretStopsBlinkingAPauseAfterTypingSoTheToolkitRests(FxRobot robot) throws Exception {
    CodeArea editor = robot.lookup("#mql-filter").queryAs(CodeArea.class);
    List<Boolean> caretShown = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Duration> blinkRate = new AtomicReference<>();
    AtomicInteger pulses = new AtomicInteger();
    // Held here: the toolkit keeps its pulse listeners weakly.
    TKPulseListener counter = pulses::incrementAndGet;
    CaretNode caret = editor.getCaretSelectionBind().getUnderlyingCaret();
    FxTestSupport.onFx(() -> {
      caret.visibleProperty().addListener((o, was, now) -> caretShown.add(now));
      caret.blinkRateProperty().addListener((o, was, now) -> blinkRate.set(now));
      Toolkit.getToolkit().addPostSceneTkPulseListener(counter);
      return null;
    });
    try {
      robot.clickOn("#mql-filter").write("project");
      LiveConsole.await("the caret hidden once by its blinking", () -> caretShown.contains(false));
      LiveConsole.await("the caret steady after the pause", () -> Duration.ZERO.equals(blinkRate.get()));
      Thread.sleep(100); // the blink's last change, if one was under way
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(FxTestSupport.onFx(caret::isVisible), "a caret that stopped blinking stays shown");
      int before = pulses.get();
      Thread.sleep(1_000);
      int during = pulses.get() - before;
      assertTrue(during < 10, during + " pulses in 1 s with a steady caret and nothing else to draw");

      caretShown.clear();
      robot.write(" ");
      LiveConsole.await("the caret blinking again after a key", () -> caretShown.contains(false));
      assertEquals("project ", model.textProperty().get());
    } finally {
      FxTestSupport.onFx(() -> {
        Toolkit.getToolkit().removePostSceneTkPulseListener(counter);
        return null;
      });
    }
  }

  @Test
  void theEditorWarmUpRunsOffTheUiThreadAndLeavesTheBarAsItWas(FxRobot robot) throws Exception {
    Thread warmUp = new Thread(FilterBarView::warmUp, "warm-up");
    Throwable[] failure = new Throwable[1];
    warmUp.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
    warmUp.start();
    warmUp.join(30_000);
    assertFalse(warmUp.isAlive(), "the warm-up ended");
    assertNull(failure[0], "the warm-up ran off the UI thread without failing");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", model.textProperty().get(), "the bar's own editor saw none of it");
    robot.clickOn("#mql-filter").write("state = firing");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("state = firing", model.textProperty().get());
  }

  /** Sends keys to the bar in one go on the FX thread, within one completion pause: strings typed, codes pressed. */
  private static void keys(FxRobot robot, Object... keys) throws Exception {
    FxTestSupport.onFx(() -> {
      CodeArea editor = robot.lookup("#mql-filter").queryAs(CodeArea.class);
      for (Object key : keys) {
        Event.fireEvent(editor, key instanceof KeyCode code
            ? new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)
            : new KeyEvent(KeyEvent.KEY_TYPED, (String) key, (String) key, KeyCode.UNDEFINED, false, false, false, false));
      }
      return null;
    });
  }

  private static void assertNoPopupAfterThePause(FxRobot robot, String when) throws InterruptedException {
    Thread.sleep(3 * (long) FilterBarView.COMPLETION_PAUSE.toMillis()); // what the pause would have waited, and more
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(completionsShowing(robot), "no popup opens " + when);
  }

  private static boolean completionsShowing(FxRobot robot) {
    return robot.lookup("#mql-completions").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
  }
}
