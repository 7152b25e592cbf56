package dev.baton.console.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.config.ConfigFolder;
import dev.baton.console.notify.DesktopNotifier;
import dev.baton.console.notify.NotificationSettings;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog's desktop-notification switch: says how notifications would be shown, and is kept. */
@ExtendWith(ApplicationExtension.class)
class SettingsFxTest {

  private Stage owner;
  private final FxTaskExecutor tasks = new FxTaskExecutor(1);
  private Path dir;

  @Start
  void start(Stage stage) throws Exception {
    owner = stage;
    stage.setScene(new Scene(new StackPane(), 300, 200));
    stage.show();
    dir = Files.createTempDirectory("baton-settings-test");
  }

  @AfterEach
  void stop() {
    tasks.close();
  }

  @Test
  void theSwitchSaysHowAndIsKept(FxRobot robot) throws Exception {
    DesktopNotifier none = DesktopNotifier.none("no system tray and no notify-send");
    SettingsViewModel model = new SettingsViewModel(new ConfigFolder(dir), tasks, volume -> { }, none);
    robot.interact(() -> new SettingsView(model).show(owner));
    WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !robot.lookup("#settings-notify-how")
        .queryAs(Label.class).getText().isEmpty());
    assertEquals("Desktop notifications: not available here: no system tray and no notify-send.",
        robot.lookup("#settings-notify-how").queryAs(Label.class).getText());

    robot.clickOn("#settings-notify");
    assertTrue(model.desktopNotificationsProperty().get());
    robot.clickOn("#settings-save");
    WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
        () -> Files.exists(dir.resolve("notifications.json")));
    assertEquals(new NotificationSettings(true), NotificationSettings.load(new ConfigFolder(dir)).value());
  }
}
