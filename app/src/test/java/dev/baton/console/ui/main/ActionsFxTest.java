package dev.baton.console.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.BatonClient;
import dev.baton.console.ConsoleOptions;
import dev.baton.console.ConsoleWiring;
import dev.baton.console.TestReceiver;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.ui.ConsoleApp;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import dev.baton.console.ui.sla.SlaClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import picocli.CommandLine;

/** Take, hand over and snooze from the keyboard against a real receiver with tokens; a lost race in words. */
@ExtendWith(ApplicationExtension.class)
class ActionsFxTest {

  private static final String CONFIG = TestReceiver.CONFIG + """
      tokens:
        - {name: prom, role: ingest, secret: "prom-secret-0123456789"}
        - {name: alice, role: operate, secret: "alice-secret-0123456789"}
        - {name: bob, role: operate, secret: "bob-secret-0123456789"}
      """;

  private TestReceiver receiver;
  private ConsoleWiring wiring;
  private FxTaskExecutor tasks;
  private MainView window;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("baton-actions-test");
    receiver = TestReceiver.start(dir, CONFIG, "prom-secret-0123456789");
    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of());
    receiver.fire("CpuHot", "alpha", "critical", Map.of("instance", "app1"), Map.of());
    ConsoleOptions options = new ConsoleOptions();
    new CommandLine(options).parseArgs("--server", receiver.url(), "--token", "alice-secret-0123456789",
        "--config-dir", dir.resolve("config").toString());
    wiring = ConsoleWiring.start(options);
    tasks = new FxTaskExecutor(2);
    window = ConsoleApp.open(wiring, stage, tasks, new SlaClock(Clock.systemUTC()), ZoneOffset.UTC, url -> { });
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(800);
  }

  @AfterEach
  void stop() throws Exception {
    window.model().list().close();
    tasks.close();
    wiring.close();
    receiver.close();
  }

  private static void await(String what, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("waited 20 s for " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private IncidentCard card(String trigger) {
    return window.model().list().shown().stream().filter(c -> c.triggers().contains(trigger)).findFirst()
        .orElseGet(() -> window.model().list().selectedProperty().get());
  }

  private String status(FxRobot robot) {
    return robot.lookup("#status-action").queryAs(Label.class).getText();
  }

  private void selectAndFocus(FxRobot robot, String trigger) throws Exception {
    await("the incidents", () -> window.model().list().shown().size() == 2);
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
    await("the take", () -> status(robot).equals("Took #" + disk));
    assertEquals("@alice", window.model().list().selectedProperty().get().holder());
    assertEquals(WorkflowStatus.TAKEN, window.model().list().selectedProperty().get().status());

    long cpu = card("CpuHot").id();
    try (BatonClient bob = BatonClient.builder(receiver.url()).token("bob-secret-0123456789").build()) {
      bob.take(cpu, null);
    }
    selectAndFocus(robot, "CpuHot");
    robot.write("t");
    await("the refusal", () -> status(robot).startsWith("Take failed: "));
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
    await("the hand-over", () -> status(robot).equals("Handed over #" + disk));
    assertEquals("#l2", window.model().list().selectedProperty().get().holder());

    selectAndFocus(robot, "CpuHot");
    long cpu = card("CpuHot").id();
    robot.write("s");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("1 h").clickOn("#snooze-close-if-ok").clickOn("#snooze-save");
    await("the snooze", () -> status(robot).equals("Snoozed #" + cpu));
    // Snoozed, it leaves the Urgent view: look for it in All.
    FxTestSupport.onFx(() -> window.model().list().show(IncidentView.ALL));
    IncidentCard snoozed = card("CpuHot");
    assertEquals(WorkflowStatus.SNOOZED, snoozed.status());
    assertTrue(snoozed.snoozed().orElseThrow().closeIfOk(), "close if it becomes OK reached the receiver");
  }
}
