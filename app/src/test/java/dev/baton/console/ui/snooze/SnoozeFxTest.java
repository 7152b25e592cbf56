package dev.baton.console.ui.snooze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.snooze.SnoozeRequest;
import dev.baton.console.ui.theme.Theme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The snooze dialog as an operator uses it: presets, until a time, forever with confirmation, Cancel. */
@ExtendWith(ApplicationExtension.class)
class SnoozeFxTest {

  private final List<Optional<SnoozeRequest>> results = new ArrayList<>();

  @Start
  void start(Stage stage) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T14:00:00Z"), ZoneOffset.UTC);
    SnoozeView view = new SnoozeView(new SnoozeViewModel(clock, ZoneOffset.UTC), "#102");
    view.onDone(results::add);
    Scene scene = new Scene(view.root());
    Theme.LIGHT.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void oneHourCloseIfOkWithAComment(FxRobot robot) {
    robot.clickOn("1 h").clickOn("#snooze-close-if-ok").clickOn("#snooze-comment").write("vendor is on it");
    robot.clickOn("#snooze-save");
    SnoozeRequest request = results.get(0).orElseThrow();
    assertEquals(Duration.ofHours(1), request.duration());
    assertTrue(request.closeIfOk());
    assertEquals("vendor is on it", request.comment());
  }

  @Test
  void aPastTimeIsRefusedInTheDialog(FxRobot robot) {
    robot.clickOn("Until a date");
    TextField time = robot.lookup("#snooze-time").queryAs(TextField.class);
    assertFalse(time.isDisabled());
    robot.lookup("#snooze-date").queryAs(javafx.scene.control.DatePicker.class)
        .setValue(java.time.LocalDate.of(2026, 11, 21));
    robot.clickOn("#snooze-time").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
        .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL).write("13:00");
    robot.clickOn("#snooze-save");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(results.isEmpty());
    Label message = robot.lookup("#snooze-message").queryAs(Label.class);
    assertTrue(message.isVisible());
    assertEquals("2026-11-21 13:00 has already passed (it is 2026-11-21 14:00): choose a time in the future.",
        message.getText());
  }

  @Test
  void foreverAsksToConfirm(FxRobot robot) {
    robot.clickOn("#snooze-forever").clickOn("#snooze-comment").write("host decommissioned");
    robot.clickOn("#snooze-save");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(results.isEmpty(), "nothing saved before the confirmation");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(results.get(0).orElseThrow().forever());
  }

  @Test
  void cancelProducesNothing(FxRobot robot) {
    robot.clickOn("#snooze-cancel");
    assertEquals(List.of(Optional.empty()), results);
  }
}
