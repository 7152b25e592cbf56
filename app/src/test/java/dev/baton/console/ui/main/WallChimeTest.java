package dev.baton.console.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.client.BatonClient;
import dev.baton.console.config.ConfigFolder;
import dev.baton.console.detail.DetailSource;
import dev.baton.console.incident.AlertState;
import dev.baton.console.incident.ApiIncidentActions;
import dev.baton.console.incident.FiringPeriod;
import dev.baton.console.incident.FiringSummary;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentChange;
import dev.baton.console.incident.ListIncidentSource;
import dev.baton.console.incident.Operator;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.incident.Sla;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.notify.DesktopNotifier;
import dev.baton.console.savedview.SavedViewStore;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.ui.detail.DetailViewModel;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.console.ui.settings.SettingsViewModel;
import dev.baton.console.ui.sidebar.SidebarViewModel;
import dev.baton.mql.Mql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which events make the wall chime, decided by the ViewModels without a screen or a sound device. */
class WallChimeTest {

  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");
  private final List<Integer> chimes = new ArrayList<>();
  private final List<String> notifications = new ArrayList<>();
  /** The desktop, which a test cannot look at: notifications are recorded. */
  private final DesktopNotifier desktop = new DesktopNotifier() {
    @Override
    public void show(String title, String body) {
      notifications.add(title + " | " + body);
    }

    @Override
    public String how() {
      return "recorded by the test";
    }
  };
  @TempDir
  Path dir;
  private IncidentListViewModel list;
  private SettingsViewModel settings;
  private MainViewModel model;

  @BeforeEach
  void start() {
    Mql mql = Mql.forIncidents();
    DirectTaskExecutor tasks = new DirectTaskExecutor();
    list = new IncidentListViewModel(new ListIncidentSource(SampleIncidents.around(now)), tasks,
        new Operator("alice", Set.of("l1")), mql);
    FilterBarViewModel filter = new FilterBarViewModel(mql);
    settings = new SettingsViewModel(new ConfigFolder(dir), tasks, chimes::add, desktop);
    ApiIncidentActions nowhere = new ApiIncidentActions(BatonClient.builder("http://127.0.0.1:9").build());
    model = new MainViewModel("test", list, filter,
        new SidebarViewModel(list, filter, mql, new SavedViewStore(new ConfigFolder(dir)), tasks), settings,
        new DetailViewModel(DetailSource.NONE, nowhere, tasks), nowhere, tasks, new NoDemo());
    list.load();
    model.tick(now); // what is overdue at start does not chime
  }

  private IncidentCard urgent(long id, int severity, Instant deadline, WorkflowStatus status) {
    return SampleIncidents.card(id, "payments", "Platinum", List.of("T" + id), severity, List.of("#l1"), "", "",
        status, AlertState.FIRING, 1, FiringSummary.single(new FiringPeriod(now, null)), now,
        Sla.urgent(Duration.ofMinutes(5), deadline), null, 0, SampleIncidents.labels());
  }

  @Test
  void newUrgentS1ToS3ChimesInWallModeOnly() {
    list.apply(new IncidentChange.Upserted(urgent(201, 2, now.plusSeconds(300), WorkflowStatus.OPEN)));
    assertEquals(List.of(), chimes, "not in wall mode");

    model.wallProperty().set(true);
    list.apply(new IncidentChange.Upserted(urgent(202, 3, now.plusSeconds(300), WorkflowStatus.OPEN)));
    assertEquals(List.of(70), chimes, "S3 at the default volume");
    list.apply(new IncidentChange.Upserted(urgent(203, 4, now.plusSeconds(300), WorkflowStatus.OPEN)));
    list.apply(new IncidentChange.Upserted(urgent(204, 1, now.plusSeconds(300), WorkflowStatus.TAKEN)));
    list.apply(new IncidentChange.Upserted(urgent(202, 3, now.plusSeconds(300), WorkflowStatus.OPEN)));
    assertEquals(List.of(70), chimes, "S4, an incident already taken and a new version of a known one are quiet");

    settings.volumeProperty().set(30);
    list.apply(new IncidentChange.Upserted(urgent(205, 1, now.plusSeconds(300), WorkflowStatus.OPEN)));
    settings.mutedProperty().set(true);
    list.apply(new IncidentChange.Upserted(urgent(206, 1, now.plusSeconds(300), WorkflowStatus.OPEN)));
    assertEquals(List.of(70, 30), chimes, "the volume is the set one; muted is silent");
  }

  @Test
  void goingOverdueChimesOncePerIncident() {
    model.wallProperty().set(true);
    list.apply(new IncidentChange.Upserted(urgent(301, 5, now.plusSeconds(10), WorkflowStatus.OPEN)));
    model.tick(now.plusSeconds(5));
    assertEquals(List.of(), chimes, "not overdue yet (and S5 does not chime on arrival)");
    model.tick(now.plusSeconds(11));
    assertEquals(List.of(70), chimes);
    model.tick(now.plusSeconds(12));
    model.tick(now.plusSeconds(13));
    assertEquals(List.of(70), chimes, "once");

    list.apply(new IncidentChange.Upserted(urgent(302, 6, now.plusSeconds(20), WorkflowStatus.TAKEN)));
    model.tick(now.plusSeconds(30));
    assertEquals(List.of(70), chimes, "a taken incident is not overdue");
  }

  @Test
  void overdueWhileNotOnTheWallDoesNotChimeLater() {
    list.apply(new IncidentChange.Upserted(urgent(401, 5, now.plusSeconds(10), WorkflowStatus.OPEN)));
    model.tick(now.plusSeconds(11));
    model.wallProperty().set(true);
    model.tick(now.plusSeconds(12));
    assertEquals(List.of(), chimes);
  }

  @Test
  void settingsArePersisted() {
    settings.volumeProperty().set(40);
    settings.mutedProperty().set(true);
    settings.save();
    settings.desktopNotificationsProperty().set(true);
    settings.save();
    SettingsViewModel again = new SettingsViewModel(new ConfigFolder(dir), new DirectTaskExecutor(), v -> { },
        DesktopNotifier.none("test"));
    again.load();
    assertEquals(40, again.volumeProperty().get());
    assertEquals(true, again.mutedProperty().get());
    assertEquals(true, again.desktopNotificationsProperty().get());
    assertEquals("", again.messageProperty().get());
  }

  @Test
  void desktopNotificationsFollowTheChimeWhenTurnedOn() {
    model.wallProperty().set(true);
    list.apply(new IncidentChange.Upserted(urgent(501, 2, now.plusSeconds(10), WorkflowStatus.OPEN)));
    assertEquals(List.of(), notifications, "off by default");

    settings.desktopNotificationsProperty().set(true);
    list.apply(new IncidentChange.Upserted(urgent(502, 1, now.plusSeconds(300), WorkflowStatus.OPEN)));
    list.apply(new IncidentChange.Upserted(urgent(503, 5, now.plusSeconds(300), WorkflowStatus.OPEN)));
    assertEquals(List.of("New S1 incident #502 | #502 S1 payments: T502"), notifications, "S5 stays quiet");

    model.tick(now.plusSeconds(11));
    assertEquals("Overdue: #501 | #501 S2 payments: T501", notifications.get(1));
    model.wallProperty().set(false);
    list.apply(new IncidentChange.Upserted(urgent(504, 1, now.plusSeconds(300), WorkflowStatus.OPEN)));
    assertEquals(2, notifications.size(), "only on the wall");
  }
}
