package dev.baton.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleWiring;
import dev.baton.console.TestReceiver;
import dev.baton.console.config.ConfigFolder;
import dev.baton.console.incident.IncidentCard;
import dev.baton.server.StartupException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The application's start: the window shows progress while the receiver starts off the UI thread. */
@ExtendWith(ApplicationExtension.class)
class StartingFxTest {

  private Stage stage;
  private ConsoleApp app;
  private TestReceiver receiver;
  /** Counted on the thread that starts the receiver, read by the test. */
  private final AtomicInteger exits = new AtomicInteger();

  @Start
  void start(Stage primary) {
    stage = primary;
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      FxTestSupport.stop(app);
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private void startApp(CompletableFuture<ConsoleWiring> wiring) throws Exception {
    ConsoleApp.prepare(wiring, "Starting Baton…", false, exits::incrementAndGet);
    app = new ConsoleApp();
    FxTestSupport.onFx(() -> app.start(stage));
  }

  @Test
  void progressWhileTheReceiverStartsThenTheMainWindow(FxRobot robot) throws Exception {
    Path dir = Files.createTempDirectory("baton-starting-test");
    receiver = TestReceiver.start(dir);
    receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of());
    CompletableFuture<ConsoleWiring> wiring = new CompletableFuture<>();
    startApp(wiring);

    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("Starting Baton…", robot.lookup("#starting-message").queryAs(Label.class).getText());
    assertTrue(stage.isShowing());
    // The UI thread is free while the receiver starts: it answers at once.
    assertEquals(Boolean.TRUE, FxTestSupport.onFx(() -> Boolean.TRUE));

    wiring.complete(ConsoleWiring.start(URI.create(receiver.url()), null, null, new ConfigFolder(dir.resolve("config"))));
    dev.baton.console.LiveConsole.await("the main window with the incident", () -> robot.lookup("#incident-list")
        .tryQuery().map(n -> ((ListView<?>) n).getItems().size() == 1).orElse(false));
    assertTrue(robot.lookup("#starting-message").tryQuery().isEmpty(), "the progress is gone");
    @SuppressWarnings("unchecked")
    ListView<IncidentCard> list = robot.lookup("#incident-list").queryAs(ListView.class);
    assertEquals("alpha", list.getItems().get(0).project());
  }

  @Test
  void aReceiverThatCannotStartEndsTheApplicationWithTheReason() throws Exception {
    CompletableFuture<ConsoleWiring> wiring = new CompletableFuture<>();
    startApp(wiring);
    wiring.completeExceptionally(new StartupException(StartupException.Reason.BAD_CONFIG,
        "/home/alice/.local/share/baton/baton.yml: line 3: unknown key 'projets'", null));
    // The failure is recorded just before the exit runs, on another thread: wait for the exit.
    dev.baton.console.LiveConsole.await("the application to end", () -> exits.get() > 0);
    assertEquals(1, exits.get(), "the application ends once (Launcher then prints the reason and exits with its code)");
    assertEquals("/home/alice/.local/share/baton/baton.yml: line 3: unknown key 'projets'",
        ConsoleApp.failedToStart().orElseThrow().getMessage());
  }
}
