package dev.baton.console.ui.main;

import dev.baton.console.incident.CardText;
import dev.baton.console.incident.IncidentActions;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentChange;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.snooze.SnoozeRequest;
import dev.baton.console.task.TaskExecutor;
import dev.baton.console.ui.detail.DetailViewModel;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.console.ui.sidebar.SidebarViewModel;
import dev.baton.console.sound.SoundCues;
import dev.baton.console.ui.settings.SettingsViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The main window's state: which receiver and as whom, the status line, the theme, wall mode and
 * the demo; it links the filter to the list, and the list's selection to the detail pane.
 */
public final class MainViewModel {

  /** Starting the demo stream and reading how it goes; absent when the console cannot run one. */
  public interface Demo {
    void start();

    boolean running();

    long sent();

    Optional<String> lastError();
  }

  private final String connection;
  private final IncidentListViewModel list;
  private final FilterBarViewModel filter;
  private final SidebarViewModel sidebar;
  private final SettingsViewModel settings;
  private final SoundCues cues = new SoundCues();
  private final DetailViewModel detail;
  private final IncidentActions actions;
  private final TaskExecutor tasks;
  private final Demo demo;
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper actionStatus = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper demoStatus = new ReadOnlyStringWrapper("");
  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final BooleanProperty wall = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final BooleanBinding actionsAllowed;
  private final StringBinding banner;

  public MainViewModel(String connection, IncidentListViewModel list, FilterBarViewModel filter,
      SidebarViewModel sidebar, SettingsViewModel settings, DetailViewModel detail, IncidentActions actions, TaskExecutor tasks, Demo demo) {
    this.connection = connection;
    this.list = list;
    this.filter = filter;
    this.sidebar = sidebar;
    this.settings = settings;
    list.setOnArrival(card -> {
      if (wall.get() && cues.arrived(card)) {
        settings.chime(settings.current());
        settings.notifyDesktop("New " + card.severity().label() + " incident #" + card.id(), CardText.oneLine(card));
      }
    });
    this.detail = detail;
    this.actions = actions;
    this.tasks = tasks;
    this.demo = demo;
    title.set("Baton — " + connection);
    actionsAllowed = Bindings.createBooleanBinding(() -> list.connectedProperty().get() && !busy.get(),
        list.connectedProperty(), busy);
    banner = Bindings.createStringBinding(() -> list.connectedProperty().get() ? ""
        : "The receiver does not answer: " + list.connectionProblemProperty().get()
            + ". Retrying with backoff; the list shows the last known state and actions are disabled.",
        list.connectedProperty(), list.connectionProblemProperty());
    filter.queryProperty().addListener((obs, was, now) -> list.filter(now));
    list.filter(filter.queryProperty().get());
    filter.vocabularyProperty().bind(list.vocabularyProperty());
    detail.incidentProperty().bind(list.selectedProperty());
    detail.setOnUpdated(card -> list.apply(new IncidentChange.Upserted(card)));
    wall.addListener((obs, was, now) -> {
      if (now) {
        dark.set(true);
        list.show(IncidentView.URGENT);
      }
    });
    refreshDemoStatus();
  }

  public void take(IncidentCard card) {
    act("Taking", "Took", "Take", card, () -> actions.take(card));
  }

  public void handover(IncidentCard card, String to, String comment) {
    act("Handing over", "Handed over", "Hand-over", card, () -> actions.handover(card, to, comment));
  }

  public void snooze(IncidentCard card, SnoozeRequest request) {
    act("Snoozing", "Snoozed", "Snooze", card, () -> actions.snooze(card, request));
  }

  public void unsnooze(IncidentCard card) {
    act("Waking", "Woke", "Unsnooze", card, () -> actions.unsnooze(card, null));
  }

  public void close(IncidentCard card, String comment) {
    act("Closing", "Closed", "Close", card, () -> actions.close(card, comment));
  }

  /**
   * Runs an action off the UI thread: the status line shows progress, then the outcome in words;
   * the card the receiver answers with replaces the listed one at once.
   */
  private void act(String doing, String done, String what, IncidentCard card, Callable<IncidentCard> call) {
    if (!actionsAllowed.get()) {
      actionStatus.set(what + " not sent: " + (busy.get() ? "another action is under way." : "the receiver does not answer."));
      return;
    }
    busy.set(true);
    actionStatus.set(doing + " #" + card.id() + "…");
    tasks.execute(call, updated -> {
      busy.set(false);
      actionStatus.set(done + " #" + updated.id());
      list.apply(new IncidentChange.Upserted(updated));
    }, failure -> {
      busy.set(false);
      actionStatus.set(what + " failed: " + failure.getMessage());
    });
  }

  /** People and teams seen in holder chains, for the hand-over picker. */
  public List<String> holdersSeen() {
    return list.holdersSeen();
  }

  /** Connected and no action under way. */
  public BooleanBinding actionsAllowed() {
    return actionsAllowed;
  }

  /** Empty while connected; else what is wrong, for the banner. */
  public StringBinding bannerProperty() {
    return banner;
  }

  /** An action is running: the next one waits. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public void startDemo() {
    demo.start();
    refreshDemoStatus();
  }

  /**
   * The 1 Hz tick: an incident that went overdue chimes in wall mode (and notifies the desktop, when asked). Overdue ones are tracked
   * in any mode, so turning wall mode on does not chime for what went overdue before.
   */
  public void tick(Instant now) {
    List<IncidentCard> late = cues.tick(now, list.cards());
    if (!late.isEmpty() && wall.get()) {
      settings.chime(settings.current());
      settings.notifyDesktop(late.size() == 1 ? "Overdue: #" + late.get(0).id() : late.size() + " incidents overdue",
          late.stream().map(CardText::oneLine).collect(java.util.stream.Collectors.joining("\n")));
    }
    refreshDemoStatus();
  }

  /** Re-reads the demo's progress; the view calls it once a second. */
  public void refreshDemoStatus() {
    if (!demo.running()) {
      demoStatus.set("");
      return;
    }
    demoStatus.set("Demo: " + demo.sent() + " alerts sent" + demo.lastError().map(e -> " — " + e).orElse(""));
  }

  public Optional<IncidentCard> selected() {
    return Optional.ofNullable(list.selectedProperty().get());
  }

  public String connection() {
    return connection;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty actionStatusProperty() {
    return actionStatus.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty demoStatusProperty() {
    return demoStatus.getReadOnlyProperty();
  }

  public BooleanProperty darkProperty() {
    return dark;
  }

  public BooleanProperty wallProperty() {
    return wall;
  }

  public IncidentListViewModel list() {
    return list;
  }

  public FilterBarViewModel filter() {
    return filter;
  }

  public SidebarViewModel sidebar() {
    return sidebar;
  }

  public SettingsViewModel settings() {
    return settings;
  }

  public DetailViewModel detail() {
    return detail;
  }
}
