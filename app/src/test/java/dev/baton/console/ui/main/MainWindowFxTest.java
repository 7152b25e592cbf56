package dev.baton.console.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.incident.IncidentCard;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window with the sample incidents: cards, side bar counts, label clicks, shortcuts, snooze. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {

  private MainWindowFixture window;

  @Start
  void start(Stage stage) {
    window = new MainWindowFixture(stage);
  }

  @SuppressWarnings("unchecked")
  private ListView<IncidentCard> list(FxRobot robot) {
    return robot.lookup("#incident-list").queryAs(ListView.class);
  }

  /** The list's cells are made by the first layout after the load: a pulse away, later on a loaded machine. */
  private static void awaitCards(FxRobot robot) {
    LiveConsole.await("the cards on screen", () -> robot.lookup("Payment gateway returns 502 for all card payments")
        .tryQuery().isPresent());
  }

  @Test
  void cardsAndCounts(FxRobot robot) {
    awaitCards(robot);
    assertEquals(4, list(robot).getItems().size());
    assertTrue(robot.lookup("Payment gateway returns 502 for all card payments").tryQuery().isPresent());
    assertTrue(robot.lookup("15:30:00 → 15:34:00 → [8] → 17:52:00 → …").tryQuery().isPresent());
    assertTrue(robot.lookup("l1 → bravo").tryQuery().isPresent());
    assertTrue(robot.lookup("Urgent  (4)").tryQuery().isPresent());
    assertTrue(robot.lookup("Snoozed  (1)").tryQuery().isPresent());
    assertEquals("alice on http://127.0.0.1:9393 (embedded)",
        robot.lookup("#status-connection").queryAs(Label.class).getText());
  }

  @Test
  void clickingALabelValueFiltersAndAltClickExcludes(FxRobot robot) throws Exception {
    awaitCards(robot);
    robot.clickOn(shownInList(robot, "node-a2,"));
    awaitFilter("~node = \"node-a2\"");
    assertEquals("~node = \"node-a2\"", window.model.filter().textProperty().get());
    assertEquals(1, list(robot).getItems().size());
    robot.press(KeyCode.ALT).clickOn(shownInList(robot, "shop.example.com")).release(KeyCode.ALT);
    awaitFilter("~node = \"node-a2\" AND ~vhost != \"shop.example.com\"");
    assertEquals("~node = \"node-a2\" AND ~vhost != \"shop.example.com\"", window.model.filter().textProperty().get());
    assertEquals(0, list(robot).getItems().size());
  }

  @Test
  void slashAndCtrlFFocusTheFilter(FxRobot robot) {
    awaitCards(robot);
    robot.clickOn("Payment gateway returns 502 for all card payments");
    robot.write("/");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#mql-filter").queryAs(CodeArea.class).isFocused());
    assertEquals("", window.model.filter().textProperty().get(), "the slash is not typed into the filter");
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    assertTrue(list(robot).isFocused());
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#mql-filter").queryAs(CodeArea.class).isFocused());
  }

  /**
   * The label with {@code text} in a card on screen: the list keeps spare cells out of sight whose
   * labels carry the same texts, and a click there would miss. After a pulse: the cells show the
   * list's items as they are now (a filter just applied re-fills them at the next layout).
   */
  private javafx.scene.Node shownInList(FxRobot robot, String text) throws Exception {
    FxTestSupport.awaitPulse();
    return robot.from(list(robot)).lookup(text).<javafx.scene.Node>queryAll().stream().filter(FxTestSupport::shown)
        .findFirst().orElseThrow(() -> new AssertionError("no visible '" + text + "' in the list"));
  }

  /** A loaded machine may deliver the click's effect after the first event pass; the assertion that follows still decides. */
  private void awaitFilter(String expected) {
    try {
      WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
          () -> expected.equals(window.model.filter().textProperty().get()));
    } catch (java.util.concurrent.TimeoutException e) {
      // fall through to the assertion, which names what was found instead
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
