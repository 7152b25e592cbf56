package dev.baton.console.ui.detail;

import dev.baton.console.detail.DetailSource;
import dev.baton.console.detail.DetailText;
import dev.baton.console.detail.IncidentDetails;
import dev.baton.console.incident.IncidentActions;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.task.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The detail pane's state for the selected incident: its card, then its alerts, history, similar
 * and other incidents and timeline, read off the UI thread from a {@link DetailSource} whenever
 * another incident is selected or the selected one changes (a new version). The previous content
 * stays until the new one arrives; an answer for an incident no longer selected is dropped.
 */
public final class DetailViewModel {

  /** What the Instructions tab says when no runbook matches. */
  public static final String NO_RUNBOOKS = "No runbook matches this incident. Runbooks are markdown files with"
      + " an MQL query in the receiver's runbooks folder (docs/config.md, runbooks:).";
  /** The note box's prompt. */
  public static final String NOTE_PROMPT = "A note for the timeline while you work on it (Enter adds it)";

  private final DetailSource source;
  private final IncidentActions actions;
  private final TaskExecutor tasks;
  private final StringProperty note = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper noteStatus = new ReadOnlyStringWrapper("");
  private final ObjectProperty<IncidentCard> incident = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<IncidentDetails> details = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Select an incident");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper alertsTab = new ReadOnlyStringWrapper("Alerts");
  private final ReadOnlyStringWrapper historyTab = new ReadOnlyStringWrapper("History");
  private final ReadOnlyStringWrapper similarTab = new ReadOnlyStringWrapper("Similar");
  private final ReadOnlyStringWrapper othersTab = new ReadOnlyStringWrapper("Others in project");
  private final ReadOnlyStringWrapper timelineTab = new ReadOnlyStringWrapper("Timeline");
  private final ReadOnlyStringWrapper instructionsTab = new ReadOnlyStringWrapper("Instructions");
  private long requested;

  public DetailViewModel(DetailSource source, IncidentActions actions, TaskExecutor tasks) {
    this.source = source;
    this.actions = actions;
    this.tasks = tasks;
    incident.addListener((obs, was, now) -> {
      if (now == null) {
        heading.set("Select an incident");
        details.set(null);
        status.set("");
        titles(null);
      } else if (was == null || was.id() != now.id() || was.version() != now.version()) {
        heading.set("#" + now.id() + " " + now.severity().label() + " " + (now.shortDescription().isEmpty()
            ? String.join(", ", now.triggers()) : now.shortDescription()));
        if (was == null || was.id() != now.id()) {
          details.set(null);
          titles(null);
          alertsTab.set("Alerts (" + now.alertCount() + ")");
        }
        reload();
      }
    });
  }

  /** Reads the selected incident again. */
  public void reload() {
    IncidentCard card = incident.get();
    if (card == null) {
      return;
    }
    long id = card.id();
    long request = ++requested;
    status.set("Loading #" + id + "…");
    tasks.execute(() -> source.load(id), loaded -> {
      if (request == requested) {
        details.set(loaded);
        titles(loaded);
        status.set("");
      }
    }, failure -> {
      if (request == requested) {
        status.set("Cannot load #" + id + ": " + failure.getMessage());
      }
    });
  }

  /** Adds the note box's text to the selected incident's timeline (the receiver stamps the time). */
  public void addNote() {
    IncidentCard card = incident.get();
    String text = note.get() == null ? "" : note.get().strip();
    if (card == null) {
      return;
    }
    if (text.isEmpty()) {
      noteStatus.set("Write the note first.");
      return;
    }
    noteStatus.set("Adding the note to #" + card.id() + "…");
    tasks.execute(() -> actions.comment(card, text), updated -> {
      if (text.equals(note.get().strip())) {
        note.set("");
      }
      noteStatus.set("Note added to #" + updated.id() + ".");
      reload();
    }, failure -> noteStatus.set("Note not added: " + failure.getMessage()));
  }

  public StringProperty noteProperty() {
    return note;
  }

  public ReadOnlyStringProperty noteStatusProperty() {
    return noteStatus.getReadOnlyProperty();
  }

  private void titles(IncidentDetails d) {
    if (d == null) {
      alertsTab.set("Alerts");
      historyTab.set("History");
      similarTab.set("Similar");
      othersTab.set("Others in project");
      timelineTab.set("Timeline");
      instructionsTab.set("Instructions");
      return;
    }
    alertsTab.set("Alerts (" + d.alerts().size() + ")");
    historyTab.set("History (" + d.history().total() + ")");
    similarTab.set("Similar " + DetailText.similarCounters(d.similar()));
    othersTab.set("Others in project (" + d.othersTotal() + ")");
    timelineTab.set("Timeline (" + d.timeline().size() + ")");
    instructionsTab.set("Instructions (" + d.runbooks().size() + ")");
  }

  public ObjectProperty<IncidentCard> incidentProperty() {
    return incident;
  }

  /** What was read for the selected incident; null while nothing is selected or before the first answer. */
  public ReadOnlyObjectProperty<IncidentDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  /** Loading, or why the detail could not be read; empty once it is shown. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty alertsTabProperty() {
    return alertsTab.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty historyTabProperty() {
    return historyTab.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty similarTabProperty() {
    return similarTab.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty othersTabProperty() {
    return othersTab.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty timelineTabProperty() {
    return timelineTab.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty instructionsTabProperty() {
    return instructionsTab.getReadOnlyProperty();
  }
}
