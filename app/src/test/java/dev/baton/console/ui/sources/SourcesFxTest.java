package dev.baton.console.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.ui.FxTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.PopupWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;

/**
 * The Sources window opened from Reports → Sources over a real receiver where prometheus-eu has
 * gone silent: its row is on top, says MISSING and is drawn as an alarm; after its Watchdog is
 * back, Refresh shows it ok.
 */
@ExtendWith(ApplicationExtension.class)
class SourcesFxTest {

  private Path dir;
  private MissingSourceReceiver data;
  private LiveConsole console;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("baton-sources-fx");
    data = new MissingSourceReceiver(dir, Instant.now().minus(Duration.ofMinutes(10)));
    console = new LiveConsole(stage, dir.resolve("config"), "--server", data.receiver.url(), "--token",
        MissingSourceReceiver.READ_TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    FxTestSupport.hideAllBut(console.window.root().getScene().getWindow());
    console.close();
    data.close();
  }

  @SuppressWarnings("unchecked")
  private static TableView<SourceRow> table(FxRobot robot) {
    return robot.lookup("#sources").queryAs(TableView.class);
  }

  @Test
  void opensFromTheReportsMenuWithTheMissingSourceOnTopAndRefreshes(FxRobot robot) throws Exception {
    robot.clickOn(robot.lookup((Node n) -> n instanceof MenuButton m && "Reports".equals(m.getText()))
        .queryAs(MenuButton.class));
    robot.clickOn(robot.lookup((Node n) -> n instanceof Labeled l && "Sources".equals(l.getText())
        && n.getScene().getWindow() instanceof PopupWindow).queryAs(Labeled.class));

    LiveConsole.await("the sources listed", () -> robot.lookup("#sources").tryQuery().isPresent()
        && table(robot).getItems().size() == 2);
    FxTestSupport.awaitPulse(); // the table's rows (and the alarm style) are made by a layout
    SourceRow top = table(robot).getItems().get(0);
    assertEquals("prometheus-eu", top.name());
    assertTrue(top.status().startsWith("MISSING since "), top.status());
    assertEquals("nightly-backup", table(robot).getItems().get(1).name());
    Node alarm = robot.lookup(".baton-source-missing").query();
    assertEquals(top, ((TableRow<?>) alarm).getItem(), "the missing source's row is drawn as an alarm");
    assertTrue(robot.lookup("#sources .table-cell").queryAll().stream()
        .anyMatch(c -> c instanceof Labeled l && l.getText() != null && l.getText().startsWith("MISSING since ")),
        "the status is in the table as drawn");
    assertEquals("2 sources · 1 missing", robot.lookup("#sources-status").queryAs(Labeled.class).getText());

    data.watchdog();
    robot.clickOn("#sources-refresh");
    LiveConsole.await("prometheus-eu back", () -> "ok".equals(table(robot).getItems().get(0).status()));
    LiveConsole.await("no row drawn as missing", () -> robot.lookup(".baton-source-missing").tryQuery().isEmpty());
    assertEquals("2 sources · none missing", robot.lookup("#sources-status").queryAs(Labeled.class).getText());
  }

  @Test
  void theSideBarOpensItTooAndOpeningAgainKeepsOneWindow(FxRobot robot) {
    robot.clickOn("#sidebar-sources");
    LiveConsole.await("the sources listed", () -> robot.lookup("#sources").tryQuery().isPresent()
        && table(robot).getItems().size() == 2);
    assertEquals("prometheus-eu", table(robot).getItems().get(0).name());

    robot.interact(() -> console.window.root().getScene().getWindow().requestFocus());
    robot.clickOn("#sidebar-sources");
    assertEquals(1, robot.listWindows().stream()
        .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle().startsWith("Sources")).count(),
        "the open Sources window is brought forward, not opened twice");
  }
}
