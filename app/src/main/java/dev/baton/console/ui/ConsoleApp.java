package dev.baton.console.ui;

import dev.baton.console.ConsoleWiring;
import dev.baton.console.savedview.SavedViewStore;
import dev.baton.console.ui.detail.DetailViewModel;
import dev.baton.console.ui.filter.FilterBarView;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.task.TaskExecutor;
import dev.baton.console.ui.analytics.AnalyticsView;
import dev.baton.console.ui.analytics.AnalyticsViewModel;
import dev.baton.console.ui.fxthread.FxDelay;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import dev.baton.console.ui.postmortem.PostmortemWindows;
import dev.baton.console.ui.sources.SourcesView;
import dev.baton.console.ui.sources.SourcesViewModel;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.console.ui.main.MainView;
import dev.baton.console.ui.main.MainViewModel;
import dev.baton.console.ui.settings.SettingsViewModel;
import dev.baton.console.ui.sidebar.SidebarViewModel;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.starting.StartingView;
import dev.baton.console.ui.starting.StartingViewModel;
import dev.baton.mql.Mql;
import dev.baton.console.connection.ConnectionCheck;
import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.ui.connection.ConnectionView;
import dev.baton.console.ui.connection.ConnectionViewModel;
import dev.baton.console.ui.connection.PendingWiring;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window from what {@link ConsoleWiring} started. The
 * wiring starts off the UI thread (the embedded receiver opens its database, a shared one is asked
 * who the token is) while JavaFX starts; until it is ready the window shows what is under way.
 */
public final class ConsoleApp extends Application {

  private static CompletableFuture<ConsoleWiring> starting;
  private static String startingMessage;
  private static boolean wallAtStart;
  private static volatile StartupException failedToStart;
  private static Runnable exit;
  private static ReceiverStarter switchStarter = ConsoleApp::startReceiver;

  private ConsoleWiring wiring;
  private FxTaskExecutor tasks;
  private SlaClock clock;
  private IncidentListViewModel list;
  private MainView view;
  /** The switch under way, if any: closed with the window. */
  private PendingWiring switching;

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

  /**
   * Starts JavaFX over the wiring {@code consoleWiring} completes with ({@code message} says what
   * is under way meanwhile) and returns when the window closes: empty, or why the wiring could
   * not start (then the window closed at once).
   */
  public static Optional<StartupException> launch(CompletableFuture<ConsoleWiring> consoleWiring, String message,
      boolean wall) {
    prepare(consoleWiring, message, wall, Platform::exit);
    Application.launch(ConsoleApp.class);
    return Optional.ofNullable(failedToStart);
  }

  /** What {@link #start} opens: for {@link #launch}, and for UI tests that start the application themselves. */
  static void prepare(CompletableFuture<ConsoleWiring> consoleWiring, String message, boolean wall,
      Runnable exitOnFailure) {
    starting = consoleWiring;
    exit = exitOnFailure;
    startingMessage = message;
    wallAtStart = wall;
    failedToStart = null;
  }

  /** What starts the receiver a switch goes to (tests hold it back to close the window meanwhile). */
  @FunctionalInterface
  interface ReceiverStarter {
    ConsoleWiring start(RememberedConnection.Saved choice, ConsoleWiring before) throws StartupException;
  }

  static void startSwitchesWith(ReceiverStarter starter) {
    switchStarter = starter;
  }

  static ConsoleWiring startReceiver(RememberedConnection.Saved choice, ConsoleWiring before) throws StartupException {
    return ConsoleWiring.start(choice.embedded() ? null : URI.create(choice.server()), choice.token(),
        before.dataDir(), before.config());
  }

  /** Why the wiring could not start, once that happened. */
  /** The clock the window's SLA timers follow (a new one for each window a switch builds). */
  SlaClock clock() {
    return clock;
  }

  static Optional<StartupException> failedToStart() {
    return Optional.ofNullable(failedToStart);
  }

  @Override
  public void start(Stage stage) {
    tasks = new FxTaskExecutor(4);
    ZoneId zone = ZoneId.systemDefault();
    clock = new SlaClock(Clock.system(zone));
    reportFirstPaint();
    openWhenStarted(stage, starting, startingMessage, failure -> {
      failedToStart = failure;
      exit.run();
    });
  }

  /**
   * Shows progress in {@code stage} until {@code wiring} is ready, then the main window over it;
   * {@code onFailure} gets what prevented it.
   */
  private void openWhenStarted(Stage stage, CompletableFuture<ConsoleWiring> next, String message,
      Consumer<StartupException> onFailure) {
    boolean dark = view != null && view.model().darkProperty().get();
    boolean wall = view != null ? view.model().wallProperty().get() : wallAtStart;
    if (!next.isDone()) {
      new StartingView(new StartingViewModel(message)).showIn(stage, dark);
      stage.titleProperty().unbind(); // the main window binds it to its own
      stage.setTitle("Baton — " + message);
      stage.show();
    }
    tasks.execute(next::get, ready -> {
      wiring = ready;
      show(stage);
      view.model().darkProperty().set(dark || view.model().darkProperty().get());
      view.model().wallProperty().set(wall);
    }, failure -> onFailure.accept(startupFailure(failure)));
  }

  private static StartupException startupFailure(Throwable failure) {
    Throwable cause = failure instanceof ExecutionException || failure instanceof CompletionException
        ? failure.getCause() : failure;
    return cause instanceof StartupException e ? e
        : new StartupException(StartupException.Reason.BAD_CONFIG, String.valueOf(cause.getMessage()), cause);
  }

  private void show(Stage stage) {
    ZoneId zone = ZoneId.systemDefault();
    view = open(wiring, stage, tasks, clock, zone, getHostServices()::showDocument);
    list = view.model().list();
    view.onConnect(() -> new ConnectionView(new ConnectionViewModel(new ConnectionCheck(Duration.ofSeconds(5)), tasks,
        wiring.connection())).show(stage, choice -> switchTo(stage, choice, true)));
    clock.start();
  }

  /**
   * With {@code -Dbaton.firstPaint} (bench/console.sh): prints how long after the JVM started the
   * first frame was drawn, the first frame of the main window, and the first frame after the
   * list was read; {@code =exit} then quits, for timing cold starts as users start the console.
   */
  private void reportFirstPaint() {
    String mode = System.getProperty("baton.firstPaint");
    if (mode == null) {
      return;
    }
    new AnimationTimer() {
      private boolean painted;
      private boolean mainWindow;

      @Override
      public void handle(long now) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!painted) {
          System.out.println("first paint " + ms + " ms after the JVM started");
          painted = true;
        }
        if (!mainWindow && view != null) {
          System.out.println("main window " + ms + " ms after the JVM started");
          mainWindow = true;
        }
        if (mainWindow && list.loadedProperty().get()) {
          stop();
          System.out.println("list of " + list.cards().size() + " incidents shown " + ms + " ms after the JVM started");
          if ("exit".equals(mode)) {
            Platform.exit();
          }
        }
      }
    }.start();
  }

  /**
   * Rebuilds the window over {@code choice}, off the UI thread with progress shown: the old
   * receiver connection is closed first. When the choice cannot start, says why and goes back to
   * the receiver used before ({@code fallBack}); a working choice is remembered.
   */
  private void switchTo(Stage stage, RememberedConnection.Saved choice, boolean fallBack) {
    ConsoleWiring old = wiring;
    RememberedConnection.Saved before = old.connection();
    // A clock of its own for the new window: the old window's timers stay subscribed to this one,
    // which would keep them, and the whole old window with them, and tick them unseen.
    clock.stop();
    clock = new SlaClock(Clock.system(ZoneId.systemDefault()));
    try {
      list.close();
    } catch (Exception e) {
      LOG.warn("closing the incident list: {}", e.getMessage());
    }
    PendingWiring pending = new PendingWiring();
    switching = pending;
    ChangeListener<Boolean> windowClosed = (obs, was, showing) -> {
      if (!showing) {
        pending.windowGone();
      }
    };
    stage.showingProperty().addListener(windowClosed);
    CompletableFuture<ConsoleWiring> next = new CompletableFuture<>();
    ReceiverStarter starter = switchStarter;
    tasks.execute(() -> {
      old.close();
      ConsoleWiring started = starter.start(choice, old);
      if (!pending.offer(started)) {
        throw new CancellationException("the window closed during the switch");
      }
      return started;
    }, started -> {
      stage.showingProperty().removeListener(windowClosed);
      pending.take().ifPresentOrElse(next::complete,
          () -> next.completeExceptionally(new CancellationException("the window closed during the switch")));
    }, failure -> {
      stage.showingProperty().removeListener(windowClosed);
      next.completeExceptionally(failure);
    });
    String message = choice.embedded() ? "Starting the receiver inside the console…" : "Connecting to " + choice.server() + "…";
    openWhenStarted(stage, next, message, failure -> {
      if (pending.isGone()) {
        return; // nobody to tell, nothing to fall back to
      }
      Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage()
          + (fallBack ? "\n\nBack to the receiver used before." : ""));
      alert.setHeaderText("Cannot switch the receiver");
      alert.initOwner(stage);
      alert.show();
      if (fallBack) {
        switchTo(stage, before, false);
      }
    });
    next.thenAccept(started -> tasks.execute(() -> {
      new RememberedConnection(started.config()).save(choice);
      return choice;
    }, saved -> { }, failure -> LOG.warn("connection not remembered: {}", failure.getMessage())));
  }

  /**
   * Builds the main window over {@code wiring} into {@code stage}, shows it and starts loading.
   * The application does this once; UI tests do it against a real receiver.
   */
  public static MainView open(ConsoleWiring wiring, Stage stage, TaskExecutor tasks, SlaClock clock, ZoneId zone,
      Consumer<String> openLink) {
    return open(wiring, stage, tasks, clock, zone, openLink, FileDialogs.NATIVE);
  }

  /** As above, asking for files through {@code files} (UI tests answer with paths of their own). */
  public static MainView open(ConsoleWiring wiring, Stage stage, TaskExecutor tasks, SlaClock clock, ZoneId zone,
      Consumer<String> openLink, FileDialogs files) {
    Mql mql = Mql.forIncidents();
    IncidentListViewModel list = new IncidentListViewModel(wiring.incidents(), tasks, wiring.me(), mql);
    FilterBarViewModel filter = new FilterBarViewModel(mql);
    SidebarViewModel sidebar = new SidebarViewModel(list, filter, mql, new SavedViewStore(wiring.config()), tasks);
    SettingsViewModel settings = new SettingsViewModel(wiring.config(), tasks, wiring.chime(), wiring.notifier());
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
    PostmortemWindows postmortems = new PostmortemWindows(wiring.postmortems(), tasks, new FxDelay(),
        Clock.system(zone), files, openLink);
    SingleWindow analytics = new SingleWindow(
        () -> new AnalyticsView(new AnalyticsViewModel(wiring.reports(), tasks, Clock.system(zone)), files).show(stage));
    SingleWindow sources = new SingleWindow(
        () -> new SourcesView(new SourcesViewModel(wiring.sources(), tasks, Clock.system(zone))).show(stage));
    view.onReports(card -> postmortems.openForIncident(stage, card.id()), () -> postmortems.showList(stage),
        analytics::show, sources::show);
    view.showIn(stage);
    stage.show();
    view.listView().list().requestFocus(); // keyboard first: J/K and the single-letter actions work at once
    // after the first show: on two cores a read of 10,000 cards beside the window's construction
    // delays the first paint by seconds; shown first, the window says "Loading incidents…" meanwhile
    list.load();
    sidebar.load();
    settings.load();
    warmUpOnceLoaded(list.loadedProperty(), () -> {
      FilterBarViewModel.warmUp(mql);
      FilterBarView.warmUp();
    }, tasks);
    return view;
  }

  /**
   * Runs {@code warmUp} (the filter's, {@link FilterBarViewModel#warmUp}) off the UI thread once the
   * first read is shown, and only then: beside the read, its ~0.2 s of CPU on a cold JVM would make
   * the list come later on two cores.
   */
  static void warmUpOnceLoaded(ReadOnlyBooleanProperty loaded, Runnable warmUp, TaskExecutor tasks) {
    loaded.addListener(new ChangeListener<>() {
      @Override
      public void changed(ObservableValue<? extends Boolean> property, Boolean was, Boolean now) {
        if (now) {
          property.removeListener(this);
          tasks.execute(() -> {
            warmUp.run();
            return null;
          }, done -> { }, failure -> LOG.warn("filter warm-up failed (the first keystrokes are slower): {}",
              failure.toString()));
        }
      }
    });
  }

  @Override
  public void stop() throws Exception {
    if (switching != null) {
      switching.windowGone();
    }
    clock.stop();
    if (list != null) {
      list.close();
    }
    tasks.close();
    if (wiring != null) {
      wiring.close();
    }
  }
}
