package dev.baton.console.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.ui.FxTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The receiver goes away and comes back: a banner, actions disabled, then the list resumes with what was missed. */
@ExtendWith(ApplicationExtension.class)
class ReconnectFxTest {

  private TestReceiver receiver;
  private LiveConsole console;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("baton-reconnect-test");
    receiver = TestReceiver.start(dir);
    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of());
    console = new LiveConsole(stage, dir.resolve("config"), "--server", receiver.url());
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
    receiver.close();
  }

  @Test
  void bannerWhileGoneThenResumes(FxRobot robot) throws Exception {
    MainView window = console.window;
    LiveConsole.await("the incident", () -> window.model().list().shown().size() == 1);
    FxTestSupport.onFx(() -> {
      window.listView().list().getSelectionModel().select(0);
      window.listView().list().requestFocus();
    });
    Label banner = robot.lookup("#connection-banner").queryAs(Label.class);
    assertFalse(banner.isVisible());
    assertTrue(window.model().actionsAllowed().get());

    receiver.stop();
    LiveConsole.await("the banner", banner::isVisible);
    assertTrue(banner.getText().startsWith("The receiver does not answer: "), banner.getText());
    assertTrue(banner.getText().endsWith("Retrying with backoff; the list shows the last known state and actions"
        + " are disabled."), banner.getText());
    assertFalse(window.model().actionsAllowed().get(), "actions are disabled while the receiver is gone");
    assertEquals(1, window.model().list().shown().size(), "the last known list stays");
    robot.write("t");
    assertEquals("Take not sent: the receiver does not answer.",
        robot.lookup("#status-action").queryAs(Label.class).getText());

    receiver.restart();
    receiver.fire("CpuHot", "alpha", "critical", Map.of("instance", "app1"), Map.of());
    LiveConsole.await("the banner to go", () -> !banner.isVisible());
    LiveConsole.await("the incident that opened meanwhile", () -> window.model().list().shown().size() == 2);
    assertTrue(window.model().actionsAllowed().get());
    assertEquals("DiskFull", window.model().list().selectedProperty().get().triggers().get(0), "the selection is kept");
  }
}
