package dev.baton.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleWiring;
import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.config.ConfigFolder;
import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.incident.IncidentCard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Console → Connect to a receiver… over real receivers on loopback: the window moves to the chosen
 * receiver; a window closed while the switch is under way leaves the new receiver closed.
 */
@ExtendWith(ApplicationExtension.class)
class ReceiverSwitchFxTest {

  private Stage stage;
  private ConsoleApp app;
  private TestReceiver first;
  private TestReceiver second;
  private Path dir;

  @Start
  void start(Stage primary) throws Exception {
    stage = primary;
    dir = Files.createTempDirectory("baton-switch-test");
    first = TestReceiver.start(dir.resolve("first"));
    first.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of());
    second = TestReceiver.start(dir.resolve("second"));
    second.fire("CpuHot", "alpha", "critical", Map.of("instance", "app1"), Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    ConsoleApp.startSwitchesWith(ConsoleApp::startReceiver);
    if (app != null) {
      FxTestSupport.stop(app);
    }
    FxTestSupport.hideAllBut(stage);
    first.close();
    second.close();
  }

  /**
   * The application over the first receiver, its console's data folder in {@code dir/console}. Both
   * receivers' incidents are alpha's: urgent, so the list's first view shows them.
   */
  private void startOnFirst(FxRobot robot) throws Exception {
    ConsoleWiring wiring = ConsoleWiring.start(URI.create(first.url()), null, dir.resolve("console"),
        new ConfigFolder(dir.resolve("config")));
    ConsoleApp.prepare(CompletableFuture.completedFuture(wiring), "Starting Baton…", false, () -> { });
    app = new ConsoleApp();
    FxTestSupport.onFx(() -> app.start(stage));
    LiveConsole.await("the first receiver's incident", () -> triggers(robot).equals(List.of("DiskFull")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> triggers(FxRobot robot) {
    return robot.lookup("#incident-list").tryQuery()
        .map(list -> ((ListView<IncidentCard>) list).getItems().stream().map(c -> c.triggers().get(0)).toList())
        .orElse(List.of());
  }

  private static void openConnectDialog(FxRobot robot) {
    robot.clickOn(robot.lookup((Node n) -> n instanceof MenuButton m && "Console".equals(m.getText()))
        .queryAs(MenuButton.class));
    robot.clickOn(robot.lookup((Node n) -> n instanceof Labeled l && "Connect to a receiver…".equals(l.getText())
        && n.getScene().getWindow() instanceof PopupWindow).queryAs(Labeled.class));
    LiveConsole.await("the connection dialog", () -> robot.lookup("#connection-connect").tryQuery().isPresent());
  }

  @Test
  void switchesToAnotherReceiverAndRemembersIt(FxRobot robot) throws Exception {
    startOnFirst(robot);
    FxTestSupport.awaitPulse();
    int listeningBefore = FxTestSupport.onFx(() -> app.clock().subscribers());
    openConnectDialog(robot);
    robot.clickOn("#connection-shared");
    FxTestSupport.onFx(() -> robot.lookup("#connection-url").queryAs(TextField.class).setText(second.url()));
    robot.clickOn("#connection-connect");
    LiveConsole.await("the second receiver's incident", () -> triggers(robot).equals(List.of("CpuHot")));
    FxTestSupport.awaitPulse();
    // One urgent card before and after: the old window's timers do not follow the new window's clock.
    assertEquals(listeningBefore, (int) FxTestSupport.onFx(() -> app.clock().subscribers()));
    assertTrue(robot.lookup("#status-connection").queryAs(Labeled.class).getText().contains(second.url()),
        robot.lookup("#status-connection").queryAs(Labeled.class).getText());
    LiveConsole.await("the choice remembered", () -> {
      RememberedConnection.Saved saved = new RememberedConnection(new ConfigFolder(dir.resolve("config"))).load().value();
      return saved != null && !saved.embedded() && saved.server().startsWith(second.url());
    });

    // It follows the second receiver live: a new incident there shows up.
    second.fire("QueueBacklog", "alpha", "critical", Map.of("queue", "ingest"), Map.of());
    LiveConsole.await("the second receiver's new incident", () -> triggers(robot).contains("QueueBacklog"));
  }

  @Test
  void aWindowClosedDuringASwitchClosesTheReceiverItStarted(FxRobot robot) throws Exception {
    CountDownLatch windowClosed = new CountDownLatch(1);
    AtomicReference<ConsoleWiring> started = new AtomicReference<>();
    ConsoleApp.startSwitchesWith((choice, before) -> {
      try {
        windowClosed.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ConsoleWiring wiring = ConsoleApp.startReceiver(choice, before);
      started.set(wiring);
      return wiring;
    });
    startOnFirst(robot);
    openConnectDialog(robot);
    robot.clickOn("#connection-embedded");
    robot.clickOn("#connection-connect");
    LiveConsole.await("the switch under way", () -> robot.lookup("#starting-message").tryQuery().isPresent());

    FxTestSupport.onFx(() -> stage.hide());
    windowClosed.countDown();
    LiveConsole.await("the embedded receiver started", () -> started.get() != null);
    URI receiver = started.get().receiver();
    LiveConsole.await("the embedded receiver closed again", () -> !answers(receiver));

    // Nobody is told the switch failed, nor is the window brought back to the first receiver.
    Thread.sleep(500);
    assertFalse(stage.isShowing());
    assertEquals(List.of(), FxTestSupport.onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
        .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane).toList()),
        "no 'Cannot switch the receiver' alert");
  }

  /** Whether the receiver answers; a slow answer on a loaded machine is an answer, not a closed receiver. */
  private static boolean answers(URI receiver) {
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(receiver.resolve("/-/healthy"))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
