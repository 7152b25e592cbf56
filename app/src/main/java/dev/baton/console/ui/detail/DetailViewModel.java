package dev.baton.console.ui.detail;

import dev.baton.console.detail.DetailSource;
import dev.baton.console.detail.DetailText;
import dev.baton.console.detail.IncidentDetails;
import dev.baton.console.incident.CardText;
import dev.baton.console.incident.IncidentActions;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.Severity;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
  /** The receiver's limits for a short description and for longer texts (docs/api.md, actions). */
  static final int MAX_SHORT = 200;
  static final int MAX_TEXT = 10_000;
  /** S1..S9, for the severity choice. */
  public static final List<Severity> SEVERITIES = IntStream.rangeClosed(1, 9).mapToObj(Severity::of).toList();

  /** What the header edits: nothing, the descriptions, or the severity. */
  public enum Editing { NONE, DESCRIPTION, SEVERITY }

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
  private final ReadOnlyObjectWrapper<Editing> editing = new ReadOnlyObjectWrapper<>(Editing.NONE);
  private final StringProperty shortDraft = new SimpleStringProperty("");
  private final StringProperty longDraft = new SimpleStringProperty("");
  private final ObjectProperty<Severity> severityDraft = new SimpleObjectProperty<>();
  private final StringProperty severityReason = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper editStatus = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
  /** The card the edit began from: its version goes with the change (a conflict says who came first). */
  private IncidentCard edited;
  private Consumer<IncidentCard> onUpdated = card -> { };

  public DetailViewModel(DetailSource source, IncidentActions actions, TaskExecutor tasks) {
    this.source = source;
    this.actions = actions;
    this.tasks = tasks;
    incident.addListener((obs, was, now) -> {
      if (now == null || was == null || was.id() != now.id()) {
        stopEditing();
        editStatus.set("");
      }
      if (now == null) {
        heading.set("Select an incident");
        details.set(null);
        status.set("");
        titles(null);
      } else if (was == null || was.id() != now.id() || was.version() != now.version()) {
        heading.set("#" + now.id() + " " + now.severity().label() + " " + CardText.title(now));
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

  /**
   * Opens the description editor over the selected incident's short and long description; the long
   * one is known once its detail is read, so before that this only says to wait.
   */
  public void editDescription() {
    IncidentCard card = incident.get();
    if (card == null || saving.get()) {
      return;
    }
    IncidentDetails known = details.get();
    if (known == null || known.card().id() != card.id()) {
      editStatus.set("#" + card.id() + " is still loading; edit its description once it is shown.");
      return;
    }
    edited = card;
    shortDraft.set(card.shortDescription());
    longDraft.set(known.longDescription());
    editStatus.set("");
    editing.set(Editing.DESCRIPTION);
  }

  /** Sends what changed of the descriptions; nothing changed closes the editor without a call. */
  public void saveDescription() {
    IncidentDetails known = details.get();
    if (editing.get() != Editing.DESCRIPTION || saving.get() || known == null) {
      return;
    }
    String shortText = shortDraft.get() == null ? "" : shortDraft.get().strip();
    String longText = longDraft.get() == null ? "" : longDraft.get().strip();
    if (shortText.contains("\n") || shortText.contains("\r")) {
      editStatus.set("The short description is one line; put more in the long one.");
      return;
    }
    if (shortText.length() > MAX_SHORT) {
      editStatus.set("The short description has " + shortText.length() + " characters; at most " + MAX_SHORT
          + " fit on a card (put more in the long one).");
      return;
    }
    if (longText.length() > MAX_TEXT) {
      editStatus.set("The long description has " + longText.length() + " characters; at most " + MAX_TEXT + ".");
      return;
    }
    String newShort = shortText.equals(edited.shortDescription()) ? null : shortText;
    String newLong = longText.equals(known.longDescription().strip()) ? null : longText;
    if (newShort == null && newLong == null) {
      stopEditing();
      editStatus.set("Nothing changed.");
      return;
    }
    send("Saving the description of", "Description saved:", "Description not saved", edited,
        card -> actions.describe(card, newShort, newLong));
  }

  /** Opens the severity choice at the selected incident's severity, with an empty reason. */
  public void editSeverity() {
    IncidentCard card = incident.get();
    if (card == null || saving.get()) {
      return;
    }
    edited = card;
    severityDraft.set(card.severity());
    severityReason.set("");
    editStatus.set("");
    editing.set(Editing.SEVERITY);
  }

  /** Sets the chosen severity; the receiver needs a reason, and the SLA follows the new severity. */
  public void saveSeverity() {
    if (editing.get() != Editing.SEVERITY || saving.get()) {
      return;
    }
    Severity level = severityDraft.get();
    String reason = severityReason.get() == null ? "" : severityReason.get().strip();
    if (level == null) {
      editStatus.set("Choose a severity, S1 (worst) to S9.");
      return;
    }
    if (level.equals(edited.severity())) {
      editStatus.set("#" + edited.id() + " is " + level.label() + " already; choose another severity.");
      return;
    }
    if (reason.isEmpty()) {
      editStatus.set("Say why " + level.label() + ": the timeline keeps the reason.");
      return;
    }
    if (reason.length() > MAX_TEXT) {
      editStatus.set("The reason has " + reason.length() + " characters; at most " + MAX_TEXT + ".");
      return;
    }
    send("Setting the severity of", "Severity set:", "Severity not set", edited,
        card -> actions.severity(card, level, reason));
  }

  /** Closes the editor; the drafts are dropped. */
  public void cancelEditing() {
    if (!saving.get()) {
      stopEditing();
      editStatus.set("");
    }
  }

  private void stopEditing() {
    editing.set(Editing.NONE);
    edited = null;
  }

  /** The receiver's answer to an edit goes to the list at once (set by whoever holds the list). */
  public void setOnUpdated(Consumer<IncidentCard> listener) {
    this.onUpdated = listener;
  }

  @FunctionalInterface
  private interface Edit {
    IncidentCard send(IncidentCard card) throws Exception;
  }

  /**
   * Sends an edit off the UI thread. On success the editor closes and the new card goes to the
   * list; on failure the drafts stay, and the next save goes against the card as it is now (after
   * a conflict, saving again replaces what the other person wrote).
   */
  private void send(String doing, String done, String failed, IncidentCard card, Edit edit) {
    saving.set(true);
    editStatus.set(doing + " #" + card.id() + "…");
    tasks.execute(() -> edit.send(card), updated -> {
      saving.set(false);
      stopEditing();
      editStatus.set(done + " " + CardText.oneLine(updated));
      onUpdated.accept(updated);
    }, failure -> {
      saving.set(false);
      IncidentCard now = incident.get();
      if (editing.get() != Editing.NONE && now != null && now.id() == card.id()) {
        edited = now;
      }
      editStatus.set(failed + ": " + failure.getMessage());
    });
  }

  public ReadOnlyObjectProperty<Editing> editingProperty() {
    return editing.getReadOnlyProperty();
  }

  public StringProperty shortDraftProperty() {
    return shortDraft;
  }

  public StringProperty longDraftProperty() {
    return longDraft;
  }

  public ObjectProperty<Severity> severityDraftProperty() {
    return severityDraft;
  }

  public StringProperty severityReasonProperty() {
    return severityReason;
  }

  /** How the last edit went, or why it cannot be sent; empty when there is nothing to say. */
  public ReadOnlyStringProperty editStatusProperty() {
    return editStatus.getReadOnlyProperty();
  }

  /** An edit is on its way to the receiver. */
  public ReadOnlyBooleanProperty savingProperty() {
    return saving.getReadOnlyProperty();
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
