package dev.baton.console.ui.main;

import dev.baton.console.MovableClock;
import dev.baton.console.config.ConfigFolder;
import dev.baton.console.notify.DesktopNotifier;
import dev.baton.console.detail.DetailSource;
import dev.baton.console.savedview.SavedViewStore;
import dev.baton.console.ui.settings.SettingsViewModel;
import dev.baton.console.ui.sidebar.SidebarViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.baton.client.BatonClient;
import dev.baton.console.incident.ApiIncidentActions;
import dev.baton.console.incident.IncidentActions;
import dev.baton.console.incident.ListIncidentSource;
import dev.baton.console.incident.Operator;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.ui.detail.DetailViewModel;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.mql.Mql;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import javafx.stage.Stage;

/** The real main window over the sample incidents, a movable clock and a given action handler. */
final class MainWindowFixture {

  static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");

  final MovableClock time = new MovableClock(NOW);
  final SlaClock clock = new SlaClock(time);
  final ListIncidentSource source = new ListIncidentSource(SampleIncidents.around(NOW));
  final MainViewModel model;
  final MainView view;

  /** Sample incidents only: no receiver, so actions and details say they cannot be done. */
  MainWindowFixture(Stage stage) {
    this(stage, new ApiIncidentActions(BatonClient.builder("http://127.0.0.1:9").build()), temporaryFolder(),
        DetailSource.NONE);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("baton-console-config");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  MainWindowFixture(Stage stage, IncidentActions actions, Path configDir, DetailSource details) {
    Mql mql = Mql.forIncidents();
    DirectTaskExecutor tasks = new DirectTaskExecutor();
    IncidentListViewModel list = new IncidentListViewModel(source, tasks, new Operator("alice", Set.of("bravo")), mql);
    FilterBarViewModel filter = new FilterBarViewModel(mql);
    SidebarViewModel sidebar = new SidebarViewModel(list, filter, mql, new SavedViewStore(new ConfigFolder(configDir)),
        tasks);
    model = new MainViewModel("alice on http://127.0.0.1:9393 (embedded)", list, filter, sidebar,
        new SettingsViewModel(new ConfigFolder(configDir), tasks, volume -> { }, DesktopNotifier.none("test")),
        new DetailViewModel(details, actions, tasks), actions, tasks, new NoDemo());
    view = new MainView(model, clock, ZoneOffset.UTC, url -> { });
    view.showIn(stage);
    // The primary stage is shared by every UI test class: put it where the whole window is on screen.
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    list.load();
    sidebar.load();
  }
}
