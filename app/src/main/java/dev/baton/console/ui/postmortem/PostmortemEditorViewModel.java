package dev.baton.console.ui.postmortem;

import dev.baton.api.model.ActionItem;
import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.ArtifactInfo;
import dev.baton.api.model.Choice;
import dev.baton.api.model.DamageFigure;
import dev.baton.api.model.FieldProblem;
import dev.baton.api.model.GlossaryEntry;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemOptions;
import dev.baton.api.model.PostmortemSection;
import dev.baton.api.model.PostmortemSummary;
import dev.baton.api.model.PostmortemTimelineEntry;
import dev.baton.api.model.TimelineNote;
import dev.baton.client.BatonApiException;
import dev.baton.console.incident.ConnectionWords;
import dev.baton.console.postmortem.ArtifactFiles;
import dev.baton.console.postmortem.Postmortems;
import dev.baton.console.task.Delay;
import dev.baton.console.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One post-mortem being written: its fields, sections, glossary and damage figures as editable
 * properties that save themselves ({@link #AUTOSAVE_AFTER} after the last edit, with the version
 * they were made against as If-Match), and its timeline, action items and artifacts, each change
 * of which is one write. Writes go one at a time, in order. When someone else saved meanwhile the
 * receiver answers 409: the editor says so, keeps what was typed, and lets the person choose
 * between keeping theirs ({@link #keepMine()}) and loading the other one ({@link #loadTheirs()}).
 * A 400 puts each invalid field's problem next to it ({@link #problemProperty}).
 */
public final class PostmortemEditorViewModel {

  public static final Duration AUTOSAVE_AFTER = Duration.ofMillis(800);
  /** The "not set" entry of the optional dropdowns. */
  public static final Choice NOT_SET = new Choice(null, "— not set —");

  /** Field names of the receiver's post-mortem document, as 400s name them. */
  public static final List<String> FIELDS = List.of("title", "status", "owner", "incidentIds", "failureStart",
      "failureEnd", "investigationStart", "investigationEnd", "triggerCategory", "detection", "damageCategory",
      "damageText", "damageFigures", "teams", "services", "alertWouldHave", "alertKind", "sections", "glossary",
      "timeline", "actions", "artifacts");

  private static final Pattern PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?(?:\\.(.+))?");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** A template section: its title and guiding questions as given, the answer being written. */
  public static final class SectionRow {
    private final String title;
    private final List<String> questions;
    private final StringProperty answer = new SimpleStringProperty("");

    SectionRow(PostmortemSection section) {
      this.title = section.title();
      this.questions = section.questions() == null ? List.of() : List.copyOf(section.questions());
      answer.set(section.answer() == null ? "" : section.answer());
    }

    public String title() {
      return title;
    }

    public List<String> questions() {
      return questions;
    }

    public StringProperty answerProperty() {
      return answer;
    }
  }

  /** A glossary line: a term and what it means. */
  public static final class GlossaryRow {
    private final StringProperty term = new SimpleStringProperty("");
    private final StringProperty definition = new SimpleStringProperty("");

    public StringProperty termProperty() {
      return term;
    }

    public StringProperty definitionProperty() {
      return definition;
    }
  }

  /** A damage figure as typed: {@code failed requests · 12000 · requests}; the value must read as a number. */
  public static final class FigureRow {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty unit = new SimpleStringProperty("");

    public StringProperty nameProperty() {
      return name;
    }

    public StringProperty valueProperty() {
      return value;
    }

    public StringProperty unitProperty() {
      return unit;
    }
  }

  /** A problem found before sending (a damage figure that is not a number). */
  private static final class LocalProblem extends Exception {
    private final String field;

    LocalProblem(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private final Postmortems store;
  private final TaskExecutor tasks;
  private final Delay delay;
  private final Clock clock;

  private PostmortemOptions options;
  private long id;
  private long version;
  private List<Long> incidentIds = List.of();
  /** True while a post-mortem from the receiver is put into the properties: not an edit. */
  private boolean applying;
  private long edits;
  private long savedEdits;
  private Runnable cancelAutosave = () -> { };
  private final Deque<Runnable> writes = new ArrayDeque<>();
  private boolean writing;
  private boolean saveQueued;

  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty owner = new SimpleStringProperty("");
  private final StringProperty teams = new SimpleStringProperty("");
  private final StringProperty services = new SimpleStringProperty("");
  private final StringProperty damageText = new SimpleStringProperty("");
  private final ObjectProperty<Choice> status = new SimpleObjectProperty<>();
  private final ObjectProperty<Choice> trigger = new SimpleObjectProperty<>(NOT_SET);
  private final ObjectProperty<Choice> detection = new SimpleObjectProperty<>(NOT_SET);
  private final ObjectProperty<Choice> damage = new SimpleObjectProperty<>(NOT_SET);
  private final ObjectProperty<Choice> alertWouldHave = new SimpleObjectProperty<>(NOT_SET);
  private final ObjectProperty<Choice> alertKind = new SimpleObjectProperty<>(NOT_SET);
  private final ObjectProperty<Instant> failureStart = new SimpleObjectProperty<>();
  private final ObjectProperty<Instant> failureEnd = new SimpleObjectProperty<>();
  private final ObjectProperty<Instant> investigationStart = new SimpleObjectProperty<>();
  private final ObjectProperty<Instant> investigationEnd = new SimpleObjectProperty<>();
  private final ObservableList<Choice> statuses = FXCollections.observableArrayList();
  private final ObservableList<Choice> triggers = FXCollections.observableArrayList();
  private final ObservableList<Choice> detections = FXCollections.observableArrayList();
  private final ObservableList<Choice> damages = FXCollections.observableArrayList();
  private final ObservableList<Choice> wouldHaves = FXCollections.observableArrayList();
  private final ObservableList<Choice> alertKinds = FXCollections.observableArrayList();
  private final ObservableList<SectionRow> sections = FXCollections.observableArrayList();
  private final ObservableList<GlossaryRow> glossary = FXCollections.observableArrayList();
  private final ObservableList<FigureRow> figures = FXCollections.observableArrayList();
  private final ObservableList<PostmortemTimelineEntry> timeline = FXCollections.observableArrayList();
  private final ObservableList<ActionItem> actions = FXCollections.observableArrayList();
  private final ObservableList<ArtifactInfo> artifacts = FXCollections.observableArrayList();
  private final StringProperty noteText = new SimpleStringProperty("");
  private final ObjectProperty<Instant> noteAt = new SimpleObjectProperty<>();
  private final StringProperty newActionTitle = new SimpleStringProperty("");
  private final StringProperty newActionLink = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Post-mortem");
  private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final Map<String, ReadOnlyStringWrapper> problems = new HashMap<>();

  public PostmortemEditorViewModel(Postmortems store, TaskExecutor tasks, Delay delay, Clock clock) {
    this.store = store;
    this.tasks = tasks;
    this.delay = delay;
    this.clock = clock;
    for (String field : FIELDS) {
      problems.put(field, new ReadOnlyStringWrapper(""));
    }
    for (ObservableValue<?> field : List.of(title, owner, teams, services, damageText, status, trigger, detection,
        damage, alertWouldHave, alertKind, failureStart, failureEnd, investigationStart, investigationEnd)) {
      field.addListener((obs, was, now) -> edited());
    }
    glossary.addListener(rowsEdited(row -> List.of(row.term, row.definition)));
    figures.addListener(rowsEdited(row -> List.of(row.name, row.value, row.unit)));
    sections.addListener(rowsEdited(row -> List.of(row.answer)));
  }

  /** Every row added listens for edits of its fields; adding or removing a row is itself an edit. */
  private <T> ListChangeListener<T> rowsEdited(java.util.function.Function<T, List<StringProperty>> fields) {
    return change -> {
      while (change.next()) {
        for (T row : change.getAddedSubList()) {
          fields.apply(row).forEach(p -> p.addListener((obs, was, now) -> edited()));
        }
      }
      edited();
    };
  }

  // ---- opening

  /** Opens post-mortem {@code postmortemId}. */
  public void open(long postmortemId) {
    load(() -> store.get(postmortemId), null);
  }

  /** Opens the post-mortem covering {@code incidentId}; when none does yet, creates a draft for it. */
  public void openForIncident(long incidentId) {
    boolean[] created = {false};
    load(() -> {
      var existing = store.forIncident(incidentId);
      if (existing.isPresent()) {
        return store.get(existing.get().id());
      }
      try {
        Postmortem draft = store.create(incidentId);
        created[0] = true;
        return draft;
      } catch (BatonApiException e) {
        // Someone else started it a moment ago (an incident has one post-mortem): open theirs.
        var theirs = e.isConflict() ? store.forIncident(incidentId) : java.util.Optional.<PostmortemSummary>empty();
        if (theirs.isEmpty()) {
          throw e;
        }
        return store.get(theirs.get().id());
      }
    }, pm -> message.set(created[0] ? "Started a draft post-mortem for incident #" + incidentId
        + ", prefilled from its timeline." : ""));
  }

  private record Opened(PostmortemOptions options, Postmortem postmortem) {
  }

  private void load(Callable<Postmortem> read, Consumer<Postmortem> then) {
    saveState.set("Loading…");
    PostmortemOptions known = options;
    tasks.execute(() -> new Opened(known != null ? known : store.options(), read.call()), opened -> {
      setOptions(opened.options());
      apply(opened.postmortem());
      loaded.set(true);
      if (then != null) {
        then.accept(opened.postmortem());
      }
    }, failure -> saveState.set("Cannot open the post-mortem: " + words(failure)));
  }

  private void setOptions(PostmortemOptions newOptions) {
    if (options != null) {
      return;
    }
    options = newOptions;
    applying = true;
    statuses.setAll(newOptions.statuses());
    triggers.setAll(withNotSet(newOptions.triggerCategories()));
    detections.setAll(withNotSet(newOptions.detectionMethods()));
    damages.setAll(withNotSet(newOptions.damageCategories()));
    wouldHaves.setAll(withNotSet(newOptions.alertWouldHave()));
    alertKinds.setAll(withNotSet(newOptions.alertKinds()));
    applying = false;
  }

  private static List<Choice> withNotSet(List<Choice> choices) {
    List<Choice> all = new ArrayList<>();
    all.add(NOT_SET);
    all.addAll(choices);
    return all;
  }

  /** Puts the receiver's post-mortem into every property; what was typed and not saved is replaced. */
  private void apply(Postmortem pm) {
    applying = true;
    try {
      id = pm.id();
      version = pm.version();
      incidentIds = pm.incidentIds() == null ? List.of() : List.copyOf(pm.incidentIds());
      title.set(text(pm.title()));
      owner.set(text(pm.owner()));
      teams.set(pm.teams() == null ? "" : String.join(", ", pm.teams()));
      services.set(pm.services() == null ? "" : String.join(", ", pm.services()));
      damageText.set(text(pm.damageText()));
      status.set(choice(statuses, pm.status()));
      trigger.set(choice(triggers, pm.triggerCategory()));
      detection.set(choice(detections, pm.detection()));
      damage.set(choice(damages, pm.damageCategory()));
      alertWouldHave.set(choice(wouldHaves, pm.alertWouldHave()));
      alertKind.set(choice(alertKinds, pm.alertKind()));
      failureStart.set(pm.failureStart());
      failureEnd.set(pm.failureEnd());
      investigationStart.set(pm.investigationStart());
      investigationEnd.set(pm.investigationEnd());
      sections.setAll(pm.sections() == null ? List.of() : pm.sections().stream().map(SectionRow::new).toList());
      List<GlossaryRow> terms = new ArrayList<>();
      for (GlossaryEntry entry : pm.glossary() == null ? List.<GlossaryEntry>of() : pm.glossary()) {
        GlossaryRow row = new GlossaryRow();
        row.term.set(entry.term());
        row.definition.set(text(entry.definition()));
        terms.add(row);
      }
      glossary.setAll(terms);
      List<FigureRow> numbers = new ArrayList<>();
      for (DamageFigure figure : pm.damageFigures() == null ? List.<DamageFigure>of() : pm.damageFigures()) {
        FigureRow row = new FigureRow();
        row.name.set(figure.name());
        row.value.set(number(figure.value()));
        row.unit.set(text(figure.unit()));
        numbers.add(row);
      }
      figures.setAll(numbers);
      applyParts(pm);
      savedEdits = edits;
      saveState.set("Saved (version " + version + ")");
    } finally {
      applying = false;
    }
  }

  private void applyParts(Postmortem pm) {
    timeline.setAll(pm.timeline() == null ? List.of() : pm.timeline());
    actions.setAll(pm.actions() == null ? List.of() : pm.actions());
    artifacts.setAll(pm.artifacts() == null ? List.of() : pm.artifacts());
    heading.set("Post-mortem #" + pm.id() + " · " + incidentIds.stream().map(i -> "#" + i)
        .collect(Collectors.joining(", ", incidentIds.size() == 1 ? "incident " : "incidents ", "")));
  }

  private static Choice choice(List<Choice> choices, String choiceId) {
    if (choiceId == null) {
      return choices.contains(NOT_SET) ? NOT_SET : null;
    }
    // An id the receiver's configuration no longer lists is still shown as what it is.
    return choices.stream().filter(c -> choiceId.equals(c.id())).findFirst().orElse(new Choice(choiceId, choiceId));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  // ---- autosave

  private void edited() {
    if (applying || !loaded.get()) {
      return;
    }
    edits++;
    saveState.set("Unsaved changes");
    cancelAutosave.run();
    if (!conflict.get()) {
      cancelAutosave = delay.after(AUTOSAVE_AFTER, this::saveNow);
    }
  }

  /** True while something typed is not on the receiver yet. */
  public boolean dirty() {
    return edits != savedEdits;
  }

  /** Saves what was typed now (autosave does this {@link #AUTOSAVE_AFTER} after the last edit). */
  public void saveNow() {
    cancelAutosave.run();
    if (!dirty() || saveQueued) {
      return;
    }
    saveQueued = true;
    enqueue(this::save);
  }

  private void save() {
    saveQueued = false;
    if (!dirty() || conflict.get()) {
      finished();
      return;
    }
    PostmortemFields fields;
    try {
      fields = fields();
    } catch (LocalProblem p) {
      problems.get(p.field).set(p.getMessage());
      saveState.set("Not saved: " + p.getMessage() + " (damage figures).");
      finished();
      return;
    }
    long sentEdits = edits;
    long expected = version;
    saveState.set("Saving…");
    tasks.execute(() -> store.update(id, fields, expected), pm -> {
      version = pm.version();
      savedEdits = sentEdits;
      clearProblems();
      if (!Objects.equals(incidentIds, pm.incidentIds())) {
        incidentIds = List.copyOf(pm.incidentIds());
      }
      applyParts(pm);
      saveState.set(dirty() ? "Unsaved changes"
          : "Saved at " + CLOCK.format(clock.instant().atZone(clock.getZone())) + " (version " + version + ")");
      finished();
    }, failure -> {
      saveState.set(failed("Not saved", failure));
      finished();
    });
  }

  /** The document fields as typed now. */
  private PostmortemFields fields() throws LocalProblem {
    List<DamageFigure> numbers = new ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      FigureRow row = figures.get(i);
      if (row.name.get().isBlank() && row.value.get().isBlank() && row.unit.get().isBlank()) {
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(row.value.get().strip().replace(" ", "").replace(",", ""));
      } catch (NumberFormatException e) {
        throw new LocalProblem("damageFigures", "row " + (i + 1) + ": '" + row.value.get()
            + "' is not a number (write 12000 or 0.5)");
      }
      numbers.add(new DamageFigure(row.name.get().strip(), value, blankToNull(row.unit.get())));
    }
    List<GlossaryEntry> terms = glossary.stream()
        .filter(row -> !row.term.get().isBlank() || !row.definition.get().isBlank())
        .map(row -> new GlossaryEntry(row.term.get().strip(), row.definition.get().strip())).toList();
    List<PostmortemSection> answered = sections.stream()
        .map(s -> new PostmortemSection(s.title, s.questions, s.answer.get())).toList();
    return new PostmortemFields(title.get().strip(), id(status.get()), blankToNull(owner.get()), incidentIds,
        failureStart.get(), failureEnd.get(), investigationStart.get(), investigationEnd.get(), id(trigger.get()),
        id(detection.get()), id(damage.get()), blankToNull(damageText.get()), numbers, names(teams.get()),
        names(services.get()), id(alertWouldHave.get()), id(alertKind.get()), answered, terms);
  }

  private static String id(Choice choice) {
    return choice == null ? null : choice.id();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** {@code web, db , } → [web, db]. */
  static List<String> names(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // ---- conflicts

  /** After a 409: reads the other version's number and saves what was typed over it. */
  public void keepMine() {
    enqueue(() -> tasks.execute(() -> store.get(id), theirs -> {
      version = theirs.version();
      applyParts(theirs);
      conflict.set(false);
      message.set("");
      finished();
      saveNow();
    }, failure -> {
      saveState.set(failed("Not saved", failure));
      finished();
    }));
  }

  /** After a 409 (or any time): shows the receiver's version; what was typed and not saved is dropped. */
  public void loadTheirs() {
    cancelAutosave.run();
    enqueue(() -> tasks.execute(() -> store.get(id), theirs -> {
      conflict.set(false);
      clearProblems();
      apply(theirs);
      message.set("Loaded version " + theirs.version() + " (by " + theirs.updatedBy() + ").");
      finished();
    }, failure -> {
      message.set(failed("Not loaded", failure));
      finished();
    }));
  }

  // ---- timeline, action items, artifacts, export

  /** A call that writes one part of the post-mortem against {@code version}. */
  @FunctionalInterface
  private interface PartWrite {
    Postmortem call(long id, long version) throws IOException;
  }

  /** Adds the note being typed, at {@link #noteAtProperty()} (empty: now). */
  public void addNote() {
    String text = noteText.get().strip();
    if (text.isEmpty()) {
      problems.get("timeline").set("Write the note first.");
      return;
    }
    Instant at = noteAt.get() != null ? noteAt.get() : clock.instant();
    part("Adding the note", "Note added.", "Note not added", (pm, v) -> store.addNote(pm, new TimelineNote(at, text), v),
        () -> {
          noteText.set("");
          noteAt.set(null);
        });
  }

  public void editEntry(PostmortemTimelineEntry entry, Instant at, String text) {
    part("Saving the timeline entry", "Timeline entry saved.", "Timeline entry not saved",
        (pm, v) -> store.editEntry(pm, entry.id(), new TimelineNote(at, text.strip()), v), () -> { });
  }

  public void removeEntry(PostmortemTimelineEntry entry) {
    part("Removing the timeline entry", "Timeline entry removed.", "Timeline entry not removed",
        (pm, v) -> store.removeEntry(pm, entry.id(), v), () -> { });
  }

  /** Copies in the incidents' events that came since (their close, say). */
  public void syncTimeline() {
    part("Copying the incidents' new events", "Timeline up to date with the incidents.", "Timeline not updated",
        store::syncTimeline, () -> { });
  }

  /** Adds the action item being typed. */
  public void addAction() {
    String actionTitle = newActionTitle.get().strip();
    if (actionTitle.isEmpty()) {
      problems.get("actions").set("Give the action item a title.");
      return;
    }
    ActionItemFields item = new ActionItemFields(actionTitle, blankToNull(newActionLink.get()), false);
    part("Adding the action item", "Action item added.", "Action item not added",
        (pm, v) -> store.addAction(pm, item, v), () -> {
          newActionTitle.set("");
          newActionLink.set("");
        });
  }

  public void setDone(ActionItem item, boolean done) {
    part("Saving the action item", done ? "Action item done." : "Action item open again.", "Action item not saved",
        (pm, v) -> store.updateAction(pm, item.id(), new ActionItemFields(item.title(), item.link(), done), v),
        () -> { });
  }

  public void removeAction(ActionItem item) {
    part("Removing the action item", "Action item removed.", "Action item not removed",
        (pm, v) -> store.removeAction(pm, item.id(), v), () -> { });
  }

  /** Copies files into the post-mortem (what a drop on the artifacts does); each is checked before it is sent. */
  public void addFiles(List<Path> files) {
    for (Path file : files) {
      String name = file.getFileName().toString();
      var type = ArtifactFiles.contentType(name);
      if (type.isEmpty()) {
        message.set("'" + name + "' not added: " + ArtifactFiles.ACCEPTED + ".");
        problems.get("artifacts").set(message.get());
        continue;
      }
      long limit = options == null ? Long.MAX_VALUE : options.maxArtifactBytes();
      part("Copying " + name + " in", "Added " + name + ".", "'" + name + "' not added", (pm, v) -> {
        long size = Files.size(file);
        if (size > limit) {
          throw new IOException(ArtifactFiles.size(size) + " is over the limit of " + ArtifactFiles.size(limit)
              + " per artifact");
        }
        return store.addArtifact(pm, name, type.get(), Files.readAllBytes(file), v);
      }, () -> { });
    }
  }

  public void removeArtifact(ArtifactInfo artifact) {
    part("Removing " + artifact.name(), "Removed " + artifact.name() + ".", artifact.name() + " not removed",
        (pm, v) -> store.removeArtifact(pm, artifact.id(), v), () -> { });
  }

  /** Reads an artifact's bytes (an image's preview) off the UI thread. */
  public void readArtifact(ArtifactInfo artifact, Consumer<byte[]> then) {
    long pm = id;
    tasks.execute(() -> store.artifact(pm, artifact.id()), then,
        failure -> message.set(artifact.name() + " not read: " + words(failure)));
  }

  /** Saves an artifact's bytes to {@code target}. */
  public void download(ArtifactInfo artifact, Path target) {
    long pm = id;
    tasks.execute(() -> Files.write(target, store.artifact(pm, artifact.id())),
        written -> message.set("Saved " + artifact.name() + " to " + written + "."),
        failure -> message.set(artifact.name() + " not saved: " + words(failure)));
  }

  /** Saves what was typed, then writes the receiver's Markdown report to {@code target}. */
  public void exportMarkdown(Path target) {
    saveNow();
    enqueue(() -> {
      long pm = id;
      message.set("Exporting…");
      tasks.execute(() -> Files.write(target, store.markdown(pm)), written -> {
        message.set("Exported to " + written + ".");
        finished();
      }, failure -> {
        message.set("Not exported: " + words(failure));
        finished();
      });
    });
  }

  /** {@code post-mortem-7.md}: what the save dialog proposes. */
  public String exportName() {
    return "post-mortem-" + id + ".md";
  }

  private void part(String doing, String done, String notDone, PartWrite write, Runnable onSuccess) {
    enqueue(() -> {
      if (conflict.get()) {
        message.set(notDone + ": someone else changed this post-mortem; choose Keep mine or Load theirs first.");
        finished();
        return;
      }
      long pm = id;
      long expected = version;
      message.set(doing + "…");
      tasks.execute(() -> write.call(pm, expected), answer -> {
        version = answer.version();
        applyParts(answer);
        for (String part : List.of("timeline", "actions", "artifacts")) {
          problems.get(part).set("");
        }
        message.set(done);
        if (!dirty() && !saveState.get().startsWith("Not saved")) {
          saveState.set("Saved (version " + version + ")");
        }
        onSuccess.run();
        finished();
      }, failure -> {
        message.set(failed(notDone, failure));
        finished();
      });
    });
  }

  // ---- the write queue: one write at a time, each against the version the one before left

  private void enqueue(Runnable write) {
    writes.add(write);
    pump();
  }

  private void pump() {
    if (writing || writes.isEmpty()) {
      return;
    }
    writing = true;
    busy.set(true);
    writes.poll().run();
  }

  private void finished() {
    writing = false;
    busy.set(false);
    pump();
  }

  /** What a failed write says; a 409 enters the conflict state, a 400 puts its problems next to their fields. */
  private String failed(String what, Throwable failure) {
    if (failure instanceof BatonApiException api && api.isConflict()) {
      conflict.set(true);
      cancelAutosave.run();
      return what + ": someone else saved this post-mortem meanwhile. What you typed is kept here:"
          + " Keep mine saves it over theirs, Load theirs shows theirs instead (dropping your unsaved changes).";
    }
    if (failure instanceof BatonApiException api && api.status() == 400 && !api.fields().isEmpty()) {
      clearProblems();
      for (FieldProblem problem : api.fields()) {
        placeProblem(problem);
      }
      int n = api.fields().size();
      return what + ": " + n + (n == 1 ? " field needs" : " fields need") + " a fix (shown next to "
          + (n == 1 ? "it" : "them") + ").";
    }
    if (failure instanceof BatonApiException api && api.status() == 400) {
      return what + ": " + api.getMessage().replaceFirst("^400: ", "");
    }
    return what + ": " + words(failure) + (dirty() ? ". What you typed is kept; Save now tries again." : ".");
  }

  /** {@code failureEnd} → next to the failure end; {@code glossary[3].term} → the glossary, as "row 4, term". */
  private void placeProblem(FieldProblem problem) {
    Matcher m = PATH.matcher(problem.field() == null ? "" : problem.field());
    String field = m.matches() ? m.group(1) : problem.field();
    ReadOnlyStringWrapper target = problems.get(field);
    if (target == null) {
      target = problems.get("title");
    }
    String where = "";
    if (m.matches() && m.group(2) != null && !List.of("teams", "services").contains(field)) {
      int index = Integer.parseInt(m.group(2));
      where = "sections".equals(field) && index < sections.size() ? sections.get(index).title + ": "
          : "row " + (index + 1) + (m.group(3) == null ? "" : ", " + m.group(3)) + ": ";
    }
    String text = where + problem.message();
    target.set(target.get().isEmpty() ? text : target.get() + "\n" + text);
  }

  private void clearProblems() {
    problems.values().forEach(p -> p.set(""));
  }

  private static String words(Throwable failure) {
    return ConnectionWords.problem(failure);
  }

  // ---- rows

  public void addGlossaryRow() {
    glossary.add(new GlossaryRow());
  }

  public void removeGlossaryRow(GlossaryRow row) {
    glossary.remove(row);
  }

  public void addFigureRow() {
    figures.add(new FigureRow());
  }

  public void removeFigureRow(FigureRow row) {
    figures.remove(row);
  }

  // ---- properties

  /** The problem the receiver (or the editor) found with {@code field} (one of {@link #FIELDS}); empty when none. */
  public ReadOnlyStringProperty problemProperty(String field) {
    ReadOnlyStringWrapper problem = problems.get(field);
    if (problem == null) {
      throw new IllegalArgumentException("no field " + field);
    }
    return problem.getReadOnlyProperty();
  }

  public long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public List<Long> incidentIds() {
    return incidentIds;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty ownerProperty() {
    return owner;
  }

  /** Affected teams, comma-separated. */
  public StringProperty teamsProperty() {
    return teams;
  }

  /** Affected services, comma-separated. */
  public StringProperty servicesProperty() {
    return services;
  }

  public StringProperty damageTextProperty() {
    return damageText;
  }

  public ObjectProperty<Choice> statusProperty() {
    return status;
  }

  public ObjectProperty<Choice> triggerProperty() {
    return trigger;
  }

  public ObjectProperty<Choice> detectionProperty() {
    return detection;
  }

  public ObjectProperty<Choice> damageProperty() {
    return damage;
  }

  public ObjectProperty<Choice> alertWouldHaveProperty() {
    return alertWouldHave;
  }

  public ObjectProperty<Choice> alertKindProperty() {
    return alertKind;
  }

  public ObjectProperty<Instant> failureStartProperty() {
    return failureStart;
  }

  public ObjectProperty<Instant> failureEndProperty() {
    return failureEnd;
  }

  public ObjectProperty<Instant> investigationStartProperty() {
    return investigationStart;
  }

  public ObjectProperty<Instant> investigationEndProperty() {
    return investigationEnd;
  }

  public ObservableList<Choice> statuses() {
    return statuses;
  }

  public ObservableList<Choice> triggers() {
    return triggers;
  }

  public ObservableList<Choice> detections() {
    return detections;
  }

  public ObservableList<Choice> damages() {
    return damages;
  }

  public ObservableList<Choice> wouldHaves() {
    return wouldHaves;
  }

  public ObservableList<Choice> alertKinds() {
    return alertKinds;
  }

  public ObservableList<SectionRow> sections() {
    return sections;
  }

  public ObservableList<GlossaryRow> glossary() {
    return glossary;
  }

  public ObservableList<FigureRow> figures() {
    return figures;
  }

  public ObservableList<PostmortemTimelineEntry> timeline() {
    return timeline;
  }

  public ObservableList<ActionItem> actions() {
    return actions;
  }

  public ObservableList<ArtifactInfo> artifacts() {
    return artifacts;
  }

  public StringProperty noteTextProperty() {
    return noteText;
  }

  /** When the note being typed happened; null: now. */
  public ObjectProperty<Instant> noteAtProperty() {
    return noteAt;
  }

  public StringProperty newActionTitleProperty() {
    return newActionTitle;
  }

  public StringProperty newActionLinkProperty() {
    return newActionLink;
  }

  /** {@code Post-mortem #7 · incidents #41, #42}. */
  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  /** Where the typed fields stand: Unsaved changes, Saving…, Saved at 12:03:04 (version 5), Not saved: why. */
  public ReadOnlyStringProperty saveStateProperty() {
    return saveState.getReadOnlyProperty();
  }

  /** The outcome of the last timeline, action item, artifact or export operation, in words. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** True after a 409 until Keep mine or Load theirs: autosave waits meanwhile. */
  public ReadOnlyBooleanProperty conflictProperty() {
    return conflict.getReadOnlyProperty();
  }

  /** A write is under way. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The artifact bounds and types, once loaded; null before. */
  public PostmortemOptions options() {
    return options;
  }

  /** Times shown in this zone. */
  public ZoneId zone() {
    return clock.getZone();
  }
}
