package dev.baton.console.ui;

import dev.baton.console.ConsoleWiring;
import dev.baton.console.savedview.SavedViewStore;
import dev.baton.console.ui.detail.DetailViewModel;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.task.TaskExecutor;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.console.ui.main.MainView;
import dev.baton.console.ui.main.MainViewModel;
import dev.baton.console.ui.settings.SettingsViewModel;
import dev.baton.console.ui.sidebar.SidebarViewModel;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.mql.Mql;
import dev.baton.console.connection.ConnectionCheck;
import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.ui.connection.ConnectionView;
import dev.baton.console.ui.connection.ConnectionViewModel;
import dev.baton.server.StartupException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window from what {@link ConsoleWiring} started. */
public final class ConsoleApp extends Application {

  private static ConsoleWiring wiring;
  private static boolean wallAtStart;

  private FxTaskExecutor tasks;
  private SlaClock clock;
  private IncidentListViewModel list;
  private MainView view;

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

  /** Starts JavaFX with this wiring and returns when the window closes. */
  public static void launch(ConsoleWiring consoleWiring, boolean wall) {
    wiring = consoleWiring;
    wallAtStart = wall;
    Application.launch(ConsoleApp.class);
  }

  @Override
  public void start(Stage stage) {
    tasks = new FxTaskExecutor(4);
    show(stage);
    view.model().wallProperty().set(wallAtStart);
    reportFirstPaint();
  }

  private void show(Stage stage) {
    ZoneId zone = ZoneId.systemDefault();
    clock = new SlaClock(Clock.system(zone));
    view = open(wiring, stage, tasks, clock, zone, getHostServices()::showDocument);
    list = view.model().list();
    view.onConnect(() -> new ConnectionView(new ConnectionViewModel(new ConnectionCheck(Duration.ofSeconds(5)), tasks,
        wiring.connection())).show(stage, choice -> switchTo(stage, choice)));
    clock.start();
  }

  /**
   * With {@code -Dbaton.firstPaint} (bench/console.sh): prints how long after the JVM started the
   * first frame was drawn; {@code =exit} then quits, for timing cold starts.
   */
  private static void reportFirstPaint() {
    String mode = System.getProperty("baton.firstPaint");
    if (mode == null) {
      return;
    }
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first paint " + ms + " ms after the JVM started");
        if ("exit".equals(mode)) {
          Platform.exit();
        }
      }
    }.start();
  }

  /** Remembers {@code choice} and rebuilds the window over it; the old receiver connection is closed first. */
  private void switchTo(Stage stage, RememberedConnection.Saved choice) {
    RememberedConnection remembered = new RememberedConnection(wiring.config());
    tasks.execute(() -> {
      remembered.save(choice);
      return choice;
    }, saved -> { }, failure -> LOG.warn("connection not remembered: {}", failure.getMessage()));
    ConsoleWiring old = wiring;
    clock.stop();
    try {
      list.close();
    } catch (Exception e) {
      LOG.warn("closing the incident list: {}", e.getMessage());
    }
    old.close();
    try {
      wiring = ConsoleWiring.start(choice.embedded() ? null : URI.create(choice.server()), choice.token(),
          old.dataDir(), old.config());
    } catch (StartupException e) {
      Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
      alert.setHeaderText("Cannot switch the receiver");
      alert.show();
      return;
    }
    show(stage);
  }

  /**
   * Builds the main window over {@code wiring} into {@code stage}, shows it and starts loading.
   * The application does this once; UI tests do it against a real receiver.
   */
  public static MainView open(ConsoleWiring wiring, Stage stage, TaskExecutor tasks, SlaClock clock, ZoneId zone,
      Consumer<String> openLink) {
    Mql mql = Mql.forIncidents();
    IncidentListViewModel list = new IncidentListViewModel(wiring.incidents(), tasks, wiring.me(), mql);
    FilterBarViewModel filter = new FilterBarViewModel(mql);
    SidebarViewModel sidebar = new SidebarViewModel(list, filter, mql, new SavedViewStore(wiring.config()), tasks);
    SettingsViewModel settings = new SettingsViewModel(wiring.config(), tasks, wiring.chime());
    MainViewModel model = new MainViewModel(wiring.describe(), list, filter, sidebar, settings,
        new DetailViewModel(wiring.details(), wiring.actions(), tasks), wiring.actions(), tasks, new MainViewModel.Demo() {
          @Override
          public void start() {
            wiring.startDemo();
          }

          @Override
          public boolean running() {
            return wiring.demoRunning();
          }

          @Override
          public long sent() {
            return wiring.demoSent();
          }

          @Override
          public Optional<String> lastError() {
            return wiring.demoError();
          }
        });
    MainView view = new MainView(model, clock, zone, openLink);
    view.showIn(stage);
    stage.show();
    list.load();
    sidebar.load();
    settings.load();
    return view;
  }

  @Override
  public void stop() throws Exception {
    clock.stop();
    list.close();
    tasks.close();
  }
}
