package dev.baton.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.main.MainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The detail pane against a real receiver: tabs filled from the console API, markdown, label clicks, refresh. */
@ExtendWith(ApplicationExtension.class)
class DetailFxTest {

  private TestReceiver receiver;
  private LiveConsole console;
  private MainView window;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("baton-detail-test");
    Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
    Files.writeString(runbooks.resolve("disk.md"), """
        ---
        title: Disk filling up
        mql: trigger = "DiskFull"
        priority: 10
        ---
        Find the **biggest** folders first.
        """);
    Files.writeString(runbooks.resolve("beta.md"), """
        ---
        title: Only for beta
        mql: project = "beta"
        ---
        Not this one.
        """);
    receiver = TestReceiver.start(dir, TestReceiver.CONFIG + "runbooks: " + runbooks + "\n");
    // The short alert first: both alerts' labels stay in view for the clicks.
    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of("summary", "db1 first"));
    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db2"),
        Map.of("description", "**Disk** `/var` is *full*.\n\n- clean the logs\n- grow the volume"));
    console = new LiveConsole(stage, dir.resolve("config"), "--server", receiver.url());
    window = console.window;
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
    receiver.close();
  }

  private String tab(FxRobot robot, String id) {
    return robot.lookup("#detail-tabs").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
        .filter(t -> id.equals(t.getId())).findFirst().orElseThrow().getText();
  }

  /**
   * Selects a tab as a click on it does (narrow panes put some tabs in the overflow menu), and waits
   * for a pulse: what is clicked in it next is where the layout put it.
   */
  private void select(FxRobot robot, String id) throws Exception {
    var pane = robot.lookup("#detail-tabs").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(() -> pane.getSelectionModel().select(pane.getTabs().stream()
        .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    FxTestSupport.awaitPulse();
  }

  /** The card is clicked where the list's layout put it: a pulse after the incident arrived. */
  private static void clickCard(FxRobot robot, ListView<IncidentCard> list) throws Exception {
    LiveConsole.await("the incident in the list", () -> list.getItems().size() == 1);
    FxTestSupport.awaitPulse();
    robot.clickOn("DiskFull");
  }

  @Test
  void othersInProjectStopFollowingTheClockWhenAnotherIncidentIsShown() throws Exception {
    receiver.fire("CpuHigh", "alpha", "critical", Map.of("instance", "db1"), Map.of());
    LiveConsole.await("both incidents in the list", () -> window.model().list().shown().size() == 2);
    List<Integer> listening = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int index = 0; index < 2; index++) {
        int i = index;
        long id = FxTestSupport.onFx(() -> {
          window.listView().list().getSelectionModel().select(i);
          return window.listView().list().getItems().get(i).id();
        });
        LiveConsole.await("the detail with the other incident in its project", () -> {
          var details = window.model().detail().detailsProperty().get();
          return details != null && details.card().id() == id && details.others().size() == 1;
        });
      }
      listening.add(FxTestSupport.onFx(console.clock::subscribers));
    }
    // The list's cards, the detail's header and the other incident's card, each with its countdown
    // and open duration: as many after every round, not the other incident's card once more each time.
    assertEquals(List.of(listening.get(0), listening.get(0), listening.get(0)), listening);
  }

  @Test
  void tabsComeFromTheReceiverAndFollowTheIncident(FxRobot robot) throws Exception {
    @SuppressWarnings("unchecked")
    ListView<IncidentCard> list = robot.lookup("#incident-list").queryAs(ListView.class);
    clickCard(robot, list);
    LiveConsole.await("the detail", () -> tab(robot, "tab-alerts").equals("Alerts (2)")
        && robot.lookup("#detail-alerts").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 2);

    assertEquals("History (0)", tab(robot, "tab-history"));
    assertEquals("Similar 0/0 0/0", tab(robot, "tab-similar"));
    assertEquals("Others in project (0)", tab(robot, "tab-others"));
    assertTrue(tab(robot, "tab-timeline").matches("Timeline \\(\\d+\\)"), tab(robot, "tab-timeline"));
    assertEquals("Instructions (1)", tab(robot, "tab-instructions"), "the matching runbook only");
    select(robot, "tab-instructions");
    Node instructions = robot.lookup("#detail-instructions").query();
    assertTrue(robot.from(instructions).lookup((Label l) -> "Disk filling up".equals(l.getText())).tryQuery()
        .isPresent(), "the runbook's title");
    assertTrue(robot.from(instructions).lookup((Text t) -> t.getText().equals("biggest")
        && t.getStyleClass().contains("baton-md-strong")).tryQuery().isPresent(), "its body as markdown");
    assertTrue(robot.from(instructions).lookup((Label l) -> "Only for beta".equals(l.getText())).tryQuery().isEmpty());
    select(robot, "tab-alerts");

    Node alerts = robot.lookup("#detail-alerts").query();
    assertTrue(robot.from(alerts).lookup((Text t) -> t.getText().equals("Disk")
        && t.getStyleClass().contains("baton-md-strong")).tryQuery().isPresent(), "markdown bold");
    assertTrue(robot.from(alerts).lookup((Text t) -> t.getText().equals("/var")
        && t.getStyleClass().contains("baton-md-code")).tryQuery().isPresent(), "markdown code");
    assertTrue(robot.from(alerts).lookup("clean the logs").tryQuery().isPresent()
        || robot.from(alerts).lookup((Text t) -> t.getText().equals("clean the logs")).tryQuery().isPresent(),
        "markdown list item");
    assertTrue(robot.from(alerts).lookup((Label l) -> l.getText().startsWith("firing · fired 1×")).tryQuery()
        .isPresent(), "state line");

    select(robot, "tab-timeline");
    assertTrue(robot.lookup((Label l) -> l.getStyleClass().contains("baton-timeline-opened")).tryQuery().isPresent());
    robot.clickOn("#detail-note").write("restarted the log shipper");
    robot.type(KeyCode.ENTER);
    LiveConsole.await("the note in the timeline", () -> robot.lookup((Label l) -> String.valueOf(l.getText()).contains("restarted the log shipper")
        && l.getStyleClass().contains("baton-timeline-entry")).tryQuery().isPresent());
    // A detail read for the stream's new version may show the note before the note's own answer is
    // handled, which is what empties the field.
    LiveConsole.await("the note field emptied", () -> window.model().detail().noteProperty().get().isEmpty());
    // The note gave the incident a new version: wait until the list has it and the detail was read for it,
    // so the labels clicked next are not replaced under the mouse.
    LiveConsole.await("the detail of the noted version", () -> {
      var shown = window.model().detail().detailsProperty().get();
      var listed = window.model().list().selectedProperty().get();
      return shown != null && listed != null && shown.card().version() == listed.version()
          && window.model().detail().statusProperty().get().isEmpty();
    });

    select(robot, "tab-alerts");
    robot.clickOn(robot.from(alerts).lookup((Text t) -> t.getText().equals("db2")).<Node>query());
    LiveConsole.await("the filter", () -> window.model().filter().textProperty().get().equals("~instance = \"db2\""));
    FxTestSupport.awaitPulse(); // the filter re-fills the list: db1 is clicked where the layout puts it now
    robot.press(KeyCode.ALT).clickOn(robot.from(alerts).lookup((Text t) -> t.getText().equals("db1")).<Node>query())
        .release(KeyCode.ALT);
    LiveConsole.await("the negated filter", () -> window.model().filter().textProperty().get()
        .equals("~instance = \"db2\" AND ~instance != \"db1\""));

    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db3"), Map.of());
    LiveConsole.await("the refreshed detail", () -> tab(robot, "tab-alerts").equals("Alerts (3)"));
  }

  @Test
  void describeAndSetSeverityFromTheKeyboard(FxRobot robot) throws Exception {
    @SuppressWarnings("unchecked")
    ListView<IncidentCard> list = robot.lookup("#incident-list").queryAs(ListView.class);
    clickCard(robot, list);
    LiveConsole.await("the detail", () -> window.model().detail().detailsProperty().get() != null);

    robot.type(KeyCode.D);
    LiveConsole.await("the description editor", () -> robot.lookup("#detail-description-editor").query().isVisible()
        && robot.lookup("#detail-short").query().isFocused());
    robot.interact(() -> robot.lookup("#detail-short").queryAs(javafx.scene.control.TextField.class).selectAll());
    robot.write("Disk of the orders database full");
    robot.clickOn("#detail-long").write("Logs grew after the **deploy**.");
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    LiveConsole.await("the new short description on the card in the list", () -> list.getItems().size() == 1
        && list.getItems().get(0).shortDescription().equals("Disk of the orders database full"));
    LiveConsole.await("the long description in the header, as markdown", () -> robot.lookup("#detail-long-description")
        .lookup((Text t) -> t.getText().equals("deploy") && t.getStyleClass().contains("baton-md-strong"))
        .tryQuery().isPresent());
    // The list and the header may take the new version from the stream before the edit's own answer
    // is handled, which is what closes the editor: wait for that rather than assume the order.
    LiveConsole.await("the editor closed", () -> !robot.lookup("#detail-description-editor").query().isVisible());

    robot.interact(list::requestFocus); // back to the list: single keys act there
    robot.type(KeyCode.V);
    LiveConsole.await("the severity editor", () -> robot.lookup("#detail-severity-editor").query().isVisible()
        && robot.lookup("#detail-severity").query().isFocused());
    robot.interact(() -> robot.lookup("#detail-severity").queryAs(javafx.scene.control.ComboBox.class)
        .getSelectionModel().select(3));
    robot.clickOn("#detail-severity-reason").write("only the reporting replica");
    robot.type(KeyCode.ENTER);
    LiveConsole.await("S4 on the card", () -> list.getItems().size() == 1
        && list.getItems().get(0).severity().label().equals("S4"));
    // The stream may bring S4 to the list before the edit's own answer is handled: wait for the answer.
    LiveConsole.await("the edit's answer", () -> !window.model().detail().savingProperty().get());
    assertTrue(window.model().detail().editStatusProperty().get().startsWith("Severity set: #"),
        window.model().detail().editStatusProperty().get());
    LiveConsole.await("the reason in the timeline", () -> robot.lookup((Label l) -> String.valueOf(l.getText())
        .contains("only the reporting replica") && l.getStyleClass().contains("baton-timeline-entry")).tryQuery()
        .isPresent());
  }
}
