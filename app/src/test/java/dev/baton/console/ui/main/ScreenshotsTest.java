package dev.baton.console.ui.main;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleOptions;
import dev.baton.console.ConsoleWiring;
import dev.baton.console.TestReceiver;
import dev.baton.console.demo.DemoScenario;
import dev.baton.console.demo.DemoStream;
import dev.baton.console.ui.ConsoleApp;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import dev.baton.console.ui.sla.SlaClock;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.analytics.ReportScreenshots;
import dev.baton.console.ui.sources.SourcesScreenshots;
import dev.baton.console.ui.snooze.SnoozeView;
import dev.baton.console.ui.snooze.SnoozeViewModel;
import dev.baton.console.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders docs/screenshots/*.png headlessly (Monocle, software renderer) from the real views over
 * the sample incidents. Run by {@code ./mvnw -pl app -am -Pscreenshots verify}; skipped otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

  private static final String DIR = System.getProperty("baton.screenshots.dir");
  private Path dir;
  private Stage stage;
  private MainWindowFixture window;

  @Start
  void start(Stage primary) {
    stage = primary;
    primary.setWidth(1440);
    primary.setHeight(900);
    window = new MainWindowFixture(primary);
  }

  private void save(Scene scene, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(300); // a few pulses: the list lays its cells out over more than one
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = FxTestSupport.onFx(() -> scene.snapshot(null));
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    assertTrue(Files.size(file) > 10_000, file + " looks empty");
  }

  @Test
  void renderAll(FxRobot robot) throws Exception {
    // A generator, not a check: only the screenshots profile (which sets the folder) runs it.
    Assumptions.assumeTrue(DIR != null, "screenshots are rendered by -Pscreenshots");
    dir = Path.of(DIR);
    Scene scene = stage.getScene();
    FxTestSupport.onFx(() -> {
      // Two saved views in the side bar, as an operator keeps them.
      window.model.filter().textProperty().set("project = payments");
      window.model.sidebar().saveCurrent("Payments");
      window.model.filter().textProperty().set("~kubernetes = \"prod-eu\"");
      window.model.sidebar().saveCurrent("prod-eu");
      window.model.filter().clear();
      window.view.listView().list().requestFocus(); // as the application opens: the list has the keyboard
    });
    // No incident selected: these cards are samples, not a receiver's (detail.png shows the pane).
    save(scene, "console-light.png");

    FxTestSupport.onFx(() -> window.model.darkProperty().set(true));
    save(scene, "console-dark.png");

    FxTestSupport.onFx(() -> {
      window.model.darkProperty().set(false);
      window.model.filter().textProperty().set("project = \"charlie\" AND ~node = node-a2 AND severity ! S2");
    });
    save(scene, "filter-error.png");

    Scene dialog = FxTestSupport.onFx(() -> {
      SnoozeView view = new SnoozeView(new SnoozeViewModel(Clock.fixed(MainWindowFixture.NOW, ZoneOffset.UTC),
          ZoneOffset.UTC), "#102");
      Stage owner = new Stage();
      Scene s = new Scene(view.root());
      Theme.addStylesheet(s);
      owner.setScene(s);
      owner.show();
      return s;
    });
    robot.clickOn("1 h").clickOn("#snooze-close-if-ok").clickOn("#snooze-comment")
        .write("Vendor is rolling out the fix, ETA 40 min");
    save(dialog, "snooze-dialog.png");
    FxTestSupport.onFx(() -> dialog.getWindow().hide());

    FxTestSupport.onFx(() -> {
      window.model.filter().clear();
      window.model.wallProperty().set(true);
    });
    save(scene, "wall.png");
    FxTestSupport.onFx(() -> window.model.wallProperty().set(false));
    renderDetailFromARealReceiver(robot);
    ReportScreenshots.render(this::save);
    SourcesScreenshots.render(this::save);
  }

  /** The detail pane over a real receiver fed three rounds of the demo stream, with the repository's runbooks. */
  private void renderDetailFromARealReceiver(FxRobot robot) throws Exception {
    Path data = Files.createTempDirectory("baton-screenshots");
    Path runbooks = Path.of("..", "runbooks").toAbsolutePath().normalize();
    try (TestReceiver receiver = TestReceiver.start(data, DemoScenario.receiverConfig() + "runbooks: " + runbooks + "\n");
        DemoStream demo = new DemoStream(URI.create(receiver.url()), null, Clock.systemUTC(), 7)) {
      for (int i = 0; i < 3; i++) {
        demo.step();
      }
      ConsoleOptions options = new ConsoleOptions();
      new CommandLine(options).parseArgs("--server", receiver.url(), "--config-dir", data.resolve("config").toString());
      try (ConsoleWiring wiring = ConsoleWiring.start(options); FxTaskExecutor tasks = new FxTaskExecutor(2)) {
        // Ticking, as in the console: the list's timers and the detail's header then read one instant.
        SlaClock clock = new SlaClock(Clock.systemUTC());
        MainView live = FxTestSupport.onFx(() -> {
          Stage other = new Stage();
          other.setWidth(1440);
          other.setHeight(900);
          MainView view = ConsoleApp.open(wiring, other, tasks, clock, ZoneOffset.UTC, url -> { });
          clock.start();
          return view;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.model().list().shown().stream()
            .anyMatch(c -> c.project().equals("charlie") && c.alertCount() >= 4));
        FxTestSupport.onFx(() -> {
          ListView<IncidentCard> list = live.listView().list();
          for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).project().equals("charlie") && list.getItems().get(i).alertCount() >= 4) {
              list.getSelectionModel().select(i);
            }
          }
          live.model().filter().textProperty().set("");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.model().detail().detailsProperty().get() != null);
        FxTestSupport.onFx(() -> live.split().setDividerPositions(0.45));
        save(live.root().getScene(), "detail.png");
        // The header's editors: a description saved through the receiver, then the editor open on it.
        FxTestSupport.onFx(() -> {
          live.detail().editDescription();
          live.model().detail().shortDraftProperty().set("Ingress 5xx in prod-eu after node pressure");
          live.model().detail().longDraftProperty().set("Three nodes of **prod-eu** ran out of memory; the ingress"
              + " returned 5xx meanwhile.\n\n- drained `node-a2`\n- asked the team to raise the limits");
          live.model().detail().saveDescription();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.model().detail().detailsProperty().get() != null
            && !live.model().detail().detailsProperty().get().longDescription().isEmpty());
        FxTestSupport.onFx(() -> live.detail().editDescription());
        WaitForAsyncUtils.waitForFxEvents();
        save(live.root().getScene(), "detail-edit.png");
        FxTestSupport.onFx(() -> live.model().detail().cancelEditing());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
            () -> !live.model().detail().detailsProperty().get().runbooks().isEmpty());
        FxTestSupport.onFx(() -> {
          TabPane tabs = (TabPane) live.root().getScene().lookup("#detail-tabs");
          tabs.getSelectionModel().select(tabs.getTabs().stream()
              .filter(t -> "tab-instructions".equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        save(live.root().getScene(), "instructions.png");
        FxTestSupport.onFx(() -> {
          clock.stop();
          live.root().getScene().getWindow().hide();
        });
        live.model().list().close();
      }
    }
  }

}
