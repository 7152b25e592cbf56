package dev.baton.console.ui.postmortem;

import dev.baton.api.model.ActionItem;
import dev.baton.api.model.ArtifactInfo;
import dev.baton.api.model.Choice;
import dev.baton.api.model.PostmortemTimelineEntry;
import dev.baton.console.postmortem.ArtifactFiles;
import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.FileDialogs;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.theme.BatonStyle;
import dev.baton.console.ui.theme.Theme;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The post-mortem editor window: the facts as dropdowns and date-time pickers, damage, the
 * template's sections with their guiding questions on the left; timeline, action items,
 * artifacts (drop files on them) and glossary on the right. Each field shows the receiver's
 * problem with it right under it.
 */
public final class PostmortemEditorView {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PostmortemEditorViewModel model;
  private final FileDialogs files;
  private final Consumer<String> openLink;
  private final ZoneId zone;
  private final BorderPane root;
  /** Previews by artifact id, small: a cell shown again does not read the artifact again. */
  private final java.util.Map<Long, Image> thumbnails = new java.util.HashMap<>();
  private final java.util.Map<Long, String> openings = new java.util.HashMap<>();
  @FXML
  private Label heading;
  @FXML
  private Label saveState;
  @FXML
  private Button saveNow;
  @FXML
  private Button export;
  @FXML
  private TextField title;
  @FXML
  private Label titleProblem;
  @FXML
  private HBox conflictBar;
  @FXML
  private Label conflictText;
  @FXML
  private Button keepMine;
  @FXML
  private Button loadTheirs;
  @FXML
  private Label message;
  @FXML
  private SplitPane split;
  @FXML
  private VBox form;
  @FXML
  private GridPane facts;
  @FXML
  private TextArea damageText;
  @FXML
  private Label damageTextProblem;
  @FXML
  private VBox figures;
  @FXML
  private Button addFigure;
  @FXML
  private Label figuresProblem;
  @FXML
  private VBox sections;
  @FXML
  private TabPane parts;
  @FXML
  private Tab timelineTab;
  @FXML
  private Tab actionsTab;
  @FXML
  private Tab artifactsTab;
  @FXML
  private Tab glossaryTab;
  @FXML
  private ListView<PostmortemTimelineEntry> timeline;
  @FXML
  private HBox noteRow;
  @FXML
  private TextField note;
  @FXML
  private Button addNote;
  @FXML
  private Label noteAtCaption;
  @FXML
  private Button sync;
  @FXML
  private Label timelineProblem;
  @FXML
  private ListView<ActionItem> actions;
  @FXML
  private TextField actionTitle;
  @FXML
  private TextField actionLink;
  @FXML
  private Button addAction;
  @FXML
  private Label actionsProblem;
  @FXML
  private VBox dropZone;
  @FXML
  private Button addFile;
  @FXML
  private ListView<ArtifactInfo> artifacts;
  @FXML
  private Label artifactsProblem;
  @FXML
  private VBox glossary;
  @FXML
  private Button addTerm;
  @FXML
  private Label glossaryProblem;

  public PostmortemEditorView(PostmortemEditorViewModel model, FileDialogs files, Consumer<String> openLink) {
    this.model = model;
    this.files = files;
    this.openLink = openLink;
    this.zone = model.zone();
    this.root = Fxml.load(this, "PostmortemEditor.fxml");
    build();
    wire();
  }

  private void build() {
    split.setDividerPositions(0.56);
    int row = 0;
    addFact(row, 0, "Status", combo("pm-status", model.statuses(), model.statusProperty()), "status");
    addFact(row++, 1, "Owner", text("pm-owner", model.ownerProperty(), "who sees it through"), "owner");
    addFact(row, 0, "Failure start", time("pm-failure-start", model.failureStartProperty()), "failureStart");
    addFact(row++, 1, "Failure end", time("pm-failure-end", model.failureEndProperty()), "failureEnd");
    addFact(row, 0, "Investigation start", time("pm-investigation-start", model.investigationStartProperty()),
        "investigationStart");
    addFact(row++, 1, "Investigation end", time("pm-investigation-end", model.investigationEndProperty()),
        "investigationEnd");
    addFact(row, 0, "Trigger", combo("pm-trigger", model.triggers(), model.triggerProperty()), "triggerCategory");
    addFact(row++, 1, "Detected by", combo("pm-detection", model.detections(), model.detectionProperty()),
        "detection");
    addFact(row, 0, "Damage", combo("pm-damage", model.damages(), model.damageProperty()), "damageCategory");
    addFact(row++, 1, "Would an alert have helped?",
        combo("pm-alert-would-have", model.wouldHaves(), model.alertWouldHaveProperty()), "alertWouldHave");
    addFact(row, 0, "Affected teams", text("pm-teams", model.teamsProperty(), "storage, payments"), "teams");
    addFact(row++, 1, "Which alert", combo("pm-alert-kind", model.alertKinds(), model.alertKindProperty()),
        "alertKind");
    addFact(row, 0, "Affected services", text("pm-services", model.servicesProperty(), "db, checkout"), "services");
    addFact(row, 1, "Incidents", new Label(), "incidentIds");
    Label incidents = (Label) ((VBox) facts.getChildren().get(facts.getChildren().size() - 1)).getChildren().get(1);
    incidents.setId("pm-incidents");
    incidents.textProperty().bind(model.headingProperty().map(h -> model.incidentIds().stream()
        .map(i -> "#" + i).reduce((a, b) -> a + ", " + b).orElse("")));
    for (int c = 0; c < 2; c++) {
      var column = new javafx.scene.layout.ColumnConstraints();
      column.setPercentWidth(50);
      column.setHgrow(Priority.ALWAYS);
      facts.getColumnConstraints().add(column);
    }
    DateTimeField noteAt = time("pm-note-at", model.noteAtProperty());
    ((HBox) noteAtCaption.getParent()).getChildren().add(1, noteAt);
    timeline.setCellFactory(list -> new TimelineCell());
    timeline.setPlaceholder(new Label("No events yet."));
    actions.setCellFactory(list -> new ActionCell());
    actions.setPlaceholder(new Label("No action items yet: what would keep this from happening again?"));
    artifacts.setCellFactory(list -> new ArtifactCell());
    artifacts.setFixedCellSize(60); // previews are 96×48
    artifacts.setPlaceholder(new Label("No artifacts yet."));
  }

  private void wire() {
    heading.textProperty().bind(model.headingProperty());
    saveState.textProperty().bind(model.saveStateProperty());
    message.textProperty().bind(model.messageProperty());
    hideWhenEmpty(message);
    title.textProperty().bindBidirectional(model.titleProperty());
    problem(titleProblem, "title");
    damageText.textProperty().bindBidirectional(model.damageTextProperty());
    problem(damageTextProblem, "damageText");
    problem(figuresProblem, "damageFigures");
    problem(timelineProblem, "timeline");
    problem(actionsProblem, "actions");
    problem(artifactsProblem, "artifacts");
    problem(glossaryProblem, "glossary");
    conflictBar.visibleProperty().bind(model.conflictProperty());
    conflictBar.managedProperty().bind(conflictBar.visibleProperty());
    conflictText.textProperty().bind(model.saveStateProperty());
    keepMine.setOnAction(e -> model.keepMine());
    loadTheirs.setOnAction(e -> model.loadTheirs());
    saveNow.setOnAction(e -> model.saveNow());
    export.setOnAction(e -> files.save(window(), "Export the post-mortem as Markdown", model.exportName(),
        "Markdown", "md").ifPresent(model::exportMarkdown));
    root.disableProperty().bind(model.loadedProperty().not());
    addFigure.setOnAction(e -> model.addFigureRow());
    addTerm.setOnAction(e -> model.addGlossaryRow());
    model.figures().addListener((ListChangeListener<PostmortemEditorViewModel.FigureRow>) c -> showFigures());
    model.glossary().addListener((ListChangeListener<PostmortemEditorViewModel.GlossaryRow>) c -> showGlossary());
    model.sections().addListener((ListChangeListener<PostmortemEditorViewModel.SectionRow>) c -> showSections());
    timeline.setItems(model.timeline());
    actions.setItems(model.actions());
    artifacts.setItems(model.artifacts());
    timelineTab.textProperty().bind(javafx.beans.binding.Bindings.size(model.timeline()).asString("Timeline (%d)"));
    actionsTab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Action items ("
        + model.actions().stream().filter(a -> !a.done()).count() + " open)", model.actions()));
    artifactsTab.textProperty().bind(javafx.beans.binding.Bindings.size(model.artifacts()).asString("Artifacts (%d)"));
    glossaryTab.textProperty().bind(javafx.beans.binding.Bindings.size(model.glossary()).asString("Glossary (%d)"));
    note.textProperty().bindBidirectional(model.noteTextProperty());
    note.setOnAction(e -> model.addNote());
    addNote.setOnAction(e -> model.addNote());
    sync.setOnAction(e -> model.syncTimeline());
    actionTitle.textProperty().bindBidirectional(model.newActionTitleProperty());
    actionLink.textProperty().bindBidirectional(model.newActionLinkProperty());
    actionLink.setOnAction(e -> model.addAction());
    addAction.setOnAction(e -> model.addAction());
    addFile.setOnAction(e -> {
      List<java.nio.file.Path> chosen = files.open(window(), "Copy files into the post-mortem");
      if (!chosen.isEmpty()) {
        model.addFiles(chosen);
      }
    });
    for (Node target : List.of(dropZone, artifacts)) {
      target.setOnDragOver(this::dragOver);
      target.setOnDragExited(e -> dropZone.getStyleClass().remove(BatonStyle.DROP_TARGET));
      target.setOnDragDropped(this::dropped);
    }
  }

  private void dragOver(DragEvent e) {
    if (e.getDragboard().hasFiles()) {
      e.acceptTransferModes(TransferMode.COPY);
      if (!dropZone.getStyleClass().contains(BatonStyle.DROP_TARGET)) {
        dropZone.getStyleClass().add(BatonStyle.DROP_TARGET);
      }
    }
    e.consume();
  }

  private void dropped(DragEvent e) {
    boolean any = e.getDragboard().hasFiles();
    if (any) {
      model.addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
    }
    dropZone.getStyleClass().remove(BatonStyle.DROP_TARGET);
    e.setDropCompleted(any);
    e.consume();
  }

  // ---- building blocks

  private void addFact(int row, int column, String caption, Node control, String field) {
    Label label = new Label(caption);
    label.getStyleClass().add("text-muted");
    Label problem = new Label();
    problem.setId("pm-problem-" + field);
    problem.getStyleClass().add(BatonStyle.VALIDATION);
    problem(problem, field);
    VBox cell = new VBox(2, label, control, problem);
    if (control instanceof Region region) {
      region.setMaxWidth(Double.MAX_VALUE);
    }
    facts.add(cell, column, row);
  }

  private void problem(Label label, String field) {
    label.textProperty().bind(model.problemProperty(field));
    label.setWrapText(true);
    hideWhenEmpty(label);
  }

  private static void hideWhenEmpty(Label label) {
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
  }

  private ComboBox<Choice> combo(String id, javafx.collections.ObservableList<Choice> choices,
      ObjectProperty<Choice> value) {
    ComboBox<Choice> box = new ComboBox<>(choices);
    box.setId(id);
    box.setConverter(new StringConverter<>() {
      @Override
      public String toString(Choice choice) {
        return choice == null ? "" : choice.label();
      }

      @Override
      public Choice fromString(String text) {
        return choices.stream().filter(c -> c.label().equals(text)).findFirst().orElse(null);
      }
    });
    box.valueProperty().bindBidirectional(value);
    return box;
  }

  private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    field.textProperty().bindBidirectional(value);
    return field;
  }

  private DateTimeField time(String id, ObjectProperty<Instant> value) {
    DateTimeField field = new DateTimeField(zone, id);
    field.valueProperty().bindBidirectional(value);
    return field;
  }

  private Button remove(String tooltip, Runnable action) {
    Button button = new Button("×");
    button.getStyleClass().addAll("flat", "small");
    button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
    button.setOnAction(e -> action.run());
    return button;
  }

  private void showFigures() {
    figures.getChildren().clear();
    int i = 0;
    for (PostmortemEditorViewModel.FigureRow row : model.figures()) {
      TextField name = text("pm-figure-name-" + i, row.nameProperty(), "what (failed requests)");
      TextField value = text("pm-figure-value-" + i, row.valueProperty(), "how many");
      value.setPrefColumnCount(8);
      TextField unit = text("pm-figure-unit-" + i, row.unitProperty(), "unit");
      unit.setPrefColumnCount(8);
      HBox.setHgrow(name, Priority.ALWAYS);
      figures.getChildren().add(new HBox(6, name, value, unit, remove("Remove this figure",
          () -> model.removeFigureRow(row))));
      i++;
    }
  }

  private void showGlossary() {
    glossary.getChildren().clear();
    int i = 0;
    for (PostmortemEditorViewModel.GlossaryRow row : model.glossary()) {
      TextField term = text("pm-term-" + i, row.termProperty(), "term");
      term.setPrefColumnCount(10);
      TextField definition = text("pm-definition-" + i, row.definitionProperty(), "what it means");
      HBox.setHgrow(definition, Priority.ALWAYS);
      glossary.getChildren().add(new HBox(6, term, definition, remove("Remove this term",
          () -> model.removeGlossaryRow(row))));
      i++;
    }
  }

  private void showSections() {
    sections.getChildren().clear();
    int i = 0;
    for (PostmortemEditorViewModel.SectionRow row : model.sections()) {
      Label sectionTitle = new Label(row.title());
      sectionTitle.getStyleClass().add("title-4");
      VBox box = new VBox(3, sectionTitle);
      box.getStyleClass().add(BatonStyle.PM_SECTION);
      for (String question : row.questions()) {
        Label q = new Label("• " + question);
        q.setWrapText(true);
        q.getStyleClass().add(BatonStyle.PM_QUESTION);
        box.getChildren().add(q);
      }
      TextArea answer = new TextArea();
      answer.setId("pm-section-" + i);
      answer.setWrapText(true);
      answer.setPrefRowCount(4);
      answer.setPromptText("Answer in Markdown");
      answer.textProperty().bindBidirectional(row.answerProperty());
      box.getChildren().add(answer);
      sections.getChildren().add(box);
      i++;
    }
    Label problem = new Label();
    problem.setId("pm-problem-sections");
    problem.getStyleClass().add(BatonStyle.VALIDATION);
    problem(problem, "sections");
    sections.getChildren().add(problem);
  }

  private String when(Instant at) {
    return at == null ? "" : WHEN.format(at.atZone(zone));
  }

  /** A timeline line: time, who, what; notes and copied events alike can be corrected or removed. */
  private final class TimelineCell extends ListCell<PostmortemTimelineEntry> {
    @Override
    protected void updateItem(PostmortemTimelineEntry entry, boolean empty) {
      super.updateItem(entry, empty);
      if (empty || entry == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label at = new Label(when(entry.at()));
      at.setMinWidth(Region.USE_PREF_SIZE);
      at.getStyleClass().add(BatonStyle.PM_TIME);
      Label who = new Label(entry.author() == null ? "" : entry.author());
      who.getStyleClass().add("text-muted");
      who.setMinWidth(Region.USE_PREF_SIZE);
      Label what = new Label(entry.text());
      what.setWrapText(true);
      if ("note".equals(entry.kind())) {
        what.getStyleClass().add(BatonStyle.PM_NOTE);
      }
      HBox.setHgrow(what, Priority.ALWAYS);
      what.setMaxWidth(Double.MAX_VALUE);
      Button edit = new Button("✎");
      edit.getStyleClass().addAll("flat", "small");
      edit.setTooltip(new javafx.scene.control.Tooltip("Correct the time or the text"));
      edit.setOnAction(e -> editEntry(entry));
      HBox line = new HBox(8, at, who, what, edit, remove("Remove this entry", () -> model.removeEntry(entry)));
      line.setAlignment(Pos.TOP_LEFT);
      line.setPrefWidth(1);
      setGraphic(line);
      setText(null);
    }
  }

  private void editEntry(PostmortemTimelineEntry entry) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle("Timeline entry");
    dialog.setHeaderText("Correct the time or the text");
    dialog.initOwner(window());
    DateTimeField at = new DateTimeField(zone, "pm-entry-at");
    at.valueProperty().set(entry.at());
    TextField text = new TextField(entry.text());
    text.setId("pm-entry-text");
    text.setPrefColumnCount(40);
    dialog.getDialogPane().setContent(new VBox(6, at, text));
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Theme.addStylesheet(dialog.getDialogPane().getScene());
    dialog.showAndWait().filter(b -> b == ButtonType.OK && at.valueProperty().get() != null)
        .ifPresent(b -> model.editEntry(entry, at.valueProperty().get(), text.getText()));
  }

  /** An action item: done, its title and tracker link. */
  private final class ActionCell extends ListCell<ActionItem> {
    @Override
    protected void updateItem(ActionItem item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      CheckBox done = new CheckBox(item.title());
      done.setSelected(item.done());
      done.setWrapText(true);
      done.setOnAction(e -> model.setDone(item, done.isSelected()));
      VBox text = new VBox(2, done);
      if (item.link() != null) {
        Hyperlink link = new Hyperlink(item.link());
        link.setOnAction(e -> openLink.accept(item.link()));
        text.getChildren().add(link);
      }
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox line = new HBox(8, text, remove("Remove this action item", () -> model.removeAction(item)));
      line.setPrefWidth(1);
      setGraphic(line);
    }
  }

  /** An artifact: a preview for images, its name, type and size; download or remove it. */
  private final class ArtifactCell extends ListCell<ArtifactInfo> {
    @Override
    protected void updateItem(ArtifactInfo artifact, boolean empty) {
      super.updateItem(artifact, empty);
      if (empty || artifact == null) {
        setGraphic(null);
        return;
      }
      ImageView preview = new ImageView();
      preview.setFitWidth(96);
      preview.setFitHeight(48);
      preview.setPreserveRatio(true);
      Label textPreview = new Label();
      textPreview.getStyleClass().add(BatonStyle.PM_TEXT_PREVIEW);
      textPreview.setPrefSize(96, 48);
      textPreview.setMinSize(96, 48);
      textPreview.setMaxSize(96, 48);
      textPreview.setAlignment(Pos.TOP_LEFT);
      if (thumbnails.containsKey(artifact.id())) {
        preview.setImage(thumbnails.get(artifact.id()));
      } else if (openings.containsKey(artifact.id())) {
        textPreview.setText(openings.get(artifact.id()));
      } else if (ArtifactFiles.isImage(artifact.contentType())) {
        model.readArtifact(artifact, bytes -> {
          Image small = new Image(new ByteArrayInputStream(bytes), 192, 128, true, true);
          thumbnails.put(artifact.id(), small);
          preview.setImage(small);
        });
      } else {
        // A text artifact shows its first lines (a chat log's opening).
        model.readArtifact(artifact, bytes -> {
          String opening = new String(bytes, 0, Math.min(bytes.length, 400), java.nio.charset.StandardCharsets.UTF_8);
          openings.put(artifact.id(), opening);
          textPreview.setText(opening);
        });
      }
      Label name = new Label(artifact.name());
      name.setStyle("-fx-font-weight: bold;");
      Label about = new Label(artifact.contentType() + " · " + ArtifactFiles.size(artifact.size()) + " · added "
          + when(artifact.addedAt()) + (artifact.addedBy() == null ? "" : " by " + artifact.addedBy()));
      about.getStyleClass().add("text-muted");
      VBox text = new VBox(2, name, about);
      HBox.setHgrow(text, Priority.ALWAYS);
      Button download = new Button("Download…");
      download.getStyleClass().add("small");
      download.setMinWidth(Region.USE_PREF_SIZE);
      download.setOnAction(e -> files.save(window(), "Save " + artifact.name(), artifact.name(), artifact.contentType(),
          extension(artifact.name())).ifPresent(target -> model.download(artifact, target)));
      HBox line = new HBox(8, ArtifactFiles.isImage(artifact.contentType()) ? preview : textPreview, text, download,
          remove("Remove this artifact",
          () -> model.removeArtifact(artifact)));
      line.setAlignment(Pos.CENTER_LEFT);
      line.setPrefWidth(1);
      setGraphic(line);
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "*" : name.substring(dot + 1);
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  /** Shows the editor in a window of its own over {@code owner}; closing it saves what was typed. */
  public Stage show(Window owner) {
    Stage stage = Dialogs.window(owner, "Post-mortem — Baton", root, 1280, 820);
    stage.titleProperty().bind(model.titleProperty().map(t -> (t.isBlank() ? "Post-mortem" : t) + " — Baton"));
    stage.setOnHidden(e -> model.saveNow());
    return stage;
  }

  public PostmortemEditorViewModel model() {
    return model;
  }

  public BorderPane root() {
    return root;
  }
}
