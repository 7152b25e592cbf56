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
import dev.baton.console.ui.sidebar.SidebarViewModel;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.mql.Mql;
import java.time.Clock;
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

  /** Starts JavaFX with this wiring and returns when the window closes. */
  public static void launch(ConsoleWiring consoleWiring, boolean wall) {
    wiring = consoleWiring;
    wallAtStart = wall;
    Application.launch(ConsoleApp.class);
  }

  @Override
  public void start(Stage stage) {
    ZoneId zone = ZoneId.systemDefault();
    tasks = new FxTaskExecutor(4);
    clock = new SlaClock(Clock.system(zone));
    MainView view = open(wiring, stage, tasks, clock, zone, getHostServices()::showDocument);
    list = view.model().list();
    view.model().wallProperty().set(wallAtStart);
    clock.start();
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
    MainViewModel model = new MainViewModel(wiring.describe(), list, filter, sidebar,
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
    return view;
  }

  @Override
  public void stop() throws Exception {
    clock.stop();
    list.close();
    tasks.close();
  }
}
