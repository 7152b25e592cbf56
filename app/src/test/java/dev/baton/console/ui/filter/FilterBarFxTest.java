package dev.baton.console.ui.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ui.theme.Theme;
import dev.baton.mql.Mql;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

  private FilterBarViewModel model;

  @Start
  void start(Stage stage) {
    model = new FilterBarViewModel(Mql.forIncidents());
    FilterBarView view = new FilterBarView(model);
    Scene scene = new Scene(view.root(), 900, 120);
    Theme.LIGHT.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void aSyntaxErrorIsShownInPlaceWithACaretUnderItsColumn(FxRobot robot) {
    robot.clickOn("#mql-filter").write("project = \"payments\" AND severity ! S1");
    WaitForAsyncUtils.waitForFxEvents();
    Label error = robot.lookup("#mql-error").queryAs(Label.class);
    assertTrue(error.isVisible());
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
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#mql-completions").tryQuery().isPresent(), "completion popup shows");
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("severity ", model.textProperty().get());
  }
}
