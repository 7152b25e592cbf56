package dev.baton.console.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.connection.ConnectionCheck;
import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The connection dialog against a real receiver with tokens: failures in the dialog, a working choice handed on. */
@ExtendWith(ApplicationExtension.class)
class ConnectionFxTest {

  private TestReceiver receiver;
  private final FxTaskExecutor tasks = new FxTaskExecutor(1);
  private final List<RememberedConnection.Saved> chosen = new ArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("baton-connection-test");
    receiver = TestReceiver.start(dir, TestReceiver.WITH_TOKENS, "prom-secret-0123456789");
    stage.show();
    // A generous timeout: a loaded machine answers slowly, and the test never waits for the timeout.
    new ConnectionView(new ConnectionViewModel(new ConnectionCheck(Duration.ofSeconds(30)), tasks,
        new RememberedConnection.Saved(null, null))).show(stage, chosen::add);
  }

  @AfterEach
  void stop() {
    tasks.close();
    receiver.close();
  }

  private String message(FxRobot robot) {
    return robot.lookup("#connection-message").queryAs(Label.class).getText();
  }

  @Test
  void saysWhatIsWrongThenConnects(FxRobot robot) throws Exception {
    robot.clickOn("#connection-shared").clickOn("#connection-url").write("baton.example:9393");
    robot.clickOn("#connection-connect");
    LiveConsole.await("the message", () -> message(robot).startsWith("'baton.example:9393' is not"));

    FxTestSupport.onFx(() -> robot.lookup("#connection-url").queryAs(javafx.scene.control.TextField.class)
        .setText(receiver.url()));
    robot.clickOn("#connection-token").write("prom-secret-0123456789");
    robot.clickOn("#connection-connect");
    LiveConsole.await("the 403", () -> message(robot).contains("(403)"));
    assertEquals(receiver.url() + " knows this token but it may not read incidents (403): it needs role read or"
        + " operate, not ingest.", message(robot));
    assertTrue(chosen.isEmpty());

    FxTestSupport.onFx(() -> robot.lookup("#connection-token").queryAs(javafx.scene.control.TextField.class)
        .setText("alice-secret-0123456789"));
    robot.clickOn("#connection-connect");
    LiveConsole.await("the choice", () -> !chosen.isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(new RememberedConnection.Saved(receiver.url(), "alice-secret-0123456789"), chosen.get(0));
  }
}
