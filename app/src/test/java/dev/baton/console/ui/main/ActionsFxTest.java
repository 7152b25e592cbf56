package dev.baton.console.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.BatonClient;
import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.ui.FxTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Take, hand over and snooze from the keyboard against a real receiver with tokens; a lost race in words. */
@ExtendWith(ApplicationExtension.class)
class ActionsFxTest {

  private TestReceiver receiver;
  private LiveConsole console;
  private MainView window;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("baton-actions-test");
    receiver = TestReceiver.start(dir, TestReceiver.WITH_TOKENS, "prom-secret-0123456789");
    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of());
    receiver.fire("CpuHot", "alpha", "critical", Map.of("instance", "app1"), Map.of());
    console = new LiveConsole(stage, dir.resolve("config"), "--server", receiver.url(), "--token",
        "alice-secret-0123456789");
    window = console.window;
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
    receiver.close();
  }

  private IncidentCard card(String trigger) {
    return window.model().list().shown().stream().filter(c -> c.triggers().contains(trigger)).findFirst()
        .orElseGet(() -> window.model().list().selectedProperty().get());
  }

  private String status(FxRobot robot) {
    return robot.lookup("#status-action").queryAs(Label.class).getText();
  }

  private void selectAndFocus(FxRobot robot, String trigger) throws Exception {
    LiveConsole.await("the incidents", () -> window.model().list().shown().size() == 2);
    FxTestSupport.onFx(() -> {
      var list = window.listView().list();
      list.getItems().stream().filter(c -> c.triggers().contains(trigger)).findFirst()
          .ifPresent(c -> list.getSelectionModel().select(c));
      list.requestFocus();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void takeWithTAndALostRaceNamesWhoTookItFirst(FxRobot robot) throws Exception {
    selectAndFocus(robot, "DiskFull");
    long disk = card("DiskFull").id();
    robot.write("t");
    LiveConsole.await("the take", () -> status(robot).equals("Took #" + disk));
    assertEquals("@alice", window.model().list().selectedProperty().get().holder());
    assertEquals(WorkflowStatus.TAKEN, window.model().list().selectedProperty().get().status());

    long cpu = card("CpuHot").id();
    try (BatonClient bob = BatonClient.builder(receiver.url()).token("bob-secret-0123456789").build()) {
      bob.take(cpu, null);
    }
    selectAndFocus(robot, "CpuHot");
    robot.write("t");
    LiveConsole.await("the refusal", () -> status(robot).startsWith("Take failed: "));
    assertTrue(status(robot).contains("@bob holds it now"), status(robot));
  }

  @Test
  void handOverWithHAndSnoozeWithS(FxRobot robot) throws Exception {
    selectAndFocus(robot, "DiskFull");
    long disk = card("DiskFull").id();
    robot.write("h");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(robot.lookup("#handover-to").queryAs(ComboBox.class).getEditor()).write("#l2");
    robot.clickOn("#handover-save");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("Say why (the comment goes to the timeline and to #l2).",
        robot.lookup("#handover-message").queryAs(Label.class).getText());
    robot.clickOn("#handover-comment").write("storage team owns db1");
    robot.clickOn("#handover-save");
    LiveConsole.await("the hand-over", () -> status(robot).equals("Handed over #" + disk));
    assertEquals("#l2", window.model().list().selectedProperty().get().holder());

    selectAndFocus(robot, "CpuHot");
    long cpu = card("CpuHot").id();
    robot.write("s");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("1 h").clickOn("#snooze-close-if-ok").clickOn("#snooze-save");
    LiveConsole.await("the snooze", () -> status(robot).equals("Snoozed #" + cpu));
    // Snoozed, it leaves the Urgent view: look for it in All.
    FxTestSupport.onFx(() -> window.model().list().show(IncidentView.ALL));
    IncidentCard snoozed = card("CpuHot");
    assertEquals(WorkflowStatus.SNOOZED, snoozed.status());
    assertTrue(snoozed.snoozed().orElseThrow().closeIfOk(), "close if it becomes OK reached the receiver");
  }
}
