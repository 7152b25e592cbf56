package dev.baton.console.ui.detail;

import dev.baton.api.model.Alert;
import dev.baton.api.model.PastIncident;
import dev.baton.api.model.Runbook;
import dev.baton.api.model.SimilarGroup;
import dev.baton.api.model.TimelineEntry;
import dev.baton.console.detail.DetailText;
import dev.baton.console.detail.IncidentDetails;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.Severity;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.incidents.IncidentCardNode;
import dev.baton.console.ui.incidents.LabelChips;
import dev.baton.console.ui.incidents.LabelClicks;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The detail pane: the selected incident's card as header, then tabs for its alerts (labels
 * clickable into the filter, annotations as markdown), history, similar incidents with their
 * counters, others in the project (as cards), instructions and the whole timeline.
 */
public final class DetailView {

  private final DetailViewModel model;
  private final LabelClicks labelClicks;
  private final DetailText text;
  private final Markdown markdown;
  private final IncidentCardNode card;
  /** The cards in "Others in project", which follow the clock while shown. */
  private final List<IncidentCardNode> otherCards = new ArrayList<>();
  private final SlaClock clock;
  private final ZoneId zone;
  private final VBox root;
  @FXML
  private StackPane header;
  @FXML
  private Label heading;
  @FXML
  private Label status;
  @FXML
  private TabPane tabs;
  @FXML
  private Tab alertsTab;
  @FXML
  private Tab historyTab;
  @FXML
  private Tab similarTab;
  @FXML
  private Tab othersTab;
  @FXML
  private Tab timelineTab;
  @FXML
  private Tab instructionsTab;
  @FXML
  private VBox alerts;
  @FXML
  private VBox history;
  @FXML
  private VBox similar;
  @FXML
  private VBox others;
  @FXML
  private VBox instructions;
  @FXML
  private VBox timeline;
  @FXML
  private TextField note;
  @FXML
  private Button addNote;
  @FXML
  private Label noteStatus;
  @FXML
  private VBox longDescription;
  @FXML
  private HBox editButtons;
  @FXML
  private Button describe;
  @FXML
  private Button severity;
  @FXML
  private VBox descriptionEditor;
  @FXML
  private TextField shortDescription;
  @FXML
  private TextArea longDescriptionText;
  @FXML
  private Button saveDescription;
  @FXML
  private Button cancelDescription;
  @FXML
  private HBox severityEditor;
  @FXML
  private ComboBox<Severity> severityChoice;
  @FXML
  private TextField severityReason;
  @FXML
  private Button saveSeverity;
  @FXML
  private Button cancelSeverity;
  @FXML
  private Label editStatus;
  @FXML
  private Button postmortem;

  public DetailView(DetailViewModel model, SlaClock clock, ZoneId zone, LabelClicks labelClicks,
      Consumer<String> openLink) {
    this.model = model;
    this.clock = clock;
    this.zone = zone;
    this.labelClicks = labelClicks;
    this.text = new DetailText(zone);
    this.markdown = new Markdown(openLink);
    this.card = new IncidentCardNode(clock, zone, labelClicks, c -> false);
    this.root = Fxml.load(this, "Detail.fxml");
    heading.textProperty().bind(model.headingProperty());
    status.textProperty().bind(model.statusProperty());
    status.visibleProperty().bind(model.statusProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    alertsTab.textProperty().bind(model.alertsTabProperty());
    historyTab.textProperty().bind(model.historyTabProperty());
    similarTab.textProperty().bind(model.similarTabProperty());
    othersTab.textProperty().bind(model.othersTabProperty());
    timelineTab.textProperty().bind(model.timelineTabProperty());
    instructionsTab.textProperty().bind(model.instructionsTabProperty());
    note.setPromptText(DetailViewModel.NOTE_PROMPT);
    note.textProperty().bindBidirectional(model.noteProperty());
    note.setOnAction(e -> model.addNote());
    addNote.setOnAction(e -> model.addNote());
    note.disableProperty().bind(model.incidentProperty().isNull());
    addNote.disableProperty().bind(model.incidentProperty().isNull());
    noteStatus.textProperty().bind(model.noteStatusProperty());
    wireEditors();
    model.incidentProperty().addListener((obs, was, now) -> showCard(now));
    model.detailsProperty().addListener((obs, was, now) -> showDetails(now));
    showCard(model.incidentProperty().get());
    showDetails(model.detailsProperty().get());
  }

  /** The description and severity editors under the header: shown while the ViewModel edits. */
  private void wireEditors() {
    editButtons.visibleProperty().bind(model.incidentProperty().isNotNull()
        .and(model.editingProperty().isEqualTo(DetailViewModel.Editing.NONE)));
    editButtons.managedProperty().bind(editButtons.visibleProperty());
    describe.setOnAction(e -> editDescription());
    severity.setOnAction(e -> editSeverity());
    descriptionEditor.visibleProperty().bind(model.editingProperty().isEqualTo(DetailViewModel.Editing.DESCRIPTION));
    descriptionEditor.managedProperty().bind(descriptionEditor.visibleProperty());
    severityEditor.visibleProperty().bind(model.editingProperty().isEqualTo(DetailViewModel.Editing.SEVERITY));
    severityEditor.managedProperty().bind(severityEditor.visibleProperty());
    shortDescription.textProperty().bindBidirectional(model.shortDraftProperty());
    longDescriptionText.textProperty().bindBidirectional(model.longDraftProperty());
    shortDescription.setOnAction(e -> model.saveDescription());
    saveDescription.setOnAction(e -> model.saveDescription());
    cancelDescription.setOnAction(e -> model.cancelEditing());
    severityChoice.getItems().setAll(DetailViewModel.SEVERITIES);
    severityChoice.valueProperty().bindBidirectional(model.severityDraftProperty());
    severityReason.textProperty().bindBidirectional(model.severityReasonProperty());
    severityReason.setOnAction(e -> model.saveSeverity());
    saveSeverity.setOnAction(e -> model.saveSeverity());
    cancelSeverity.setOnAction(e -> model.cancelEditing());
    for (Node editor : List.of(descriptionEditor, severityEditor)) {
      editor.disableProperty().bind(model.savingProperty());
      editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
          model.cancelEditing();
          e.consume();
        } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
          if (editor == descriptionEditor) {
            model.saveDescription();
          } else {
            model.saveSeverity();
          }
          e.consume();
        }
      });
    }
    editStatus.textProperty().bind(model.editStatusProperty());
    editStatus.visibleProperty().bind(model.editStatusProperty().isNotEmpty());
    editStatus.managedProperty().bind(editStatus.visibleProperty());
    longDescription.managedProperty().bind(longDescription.visibleProperty());
    // While the description is edited, the editor shows it: the rendered one would repeat it.
    model.editingProperty().addListener((obs, was, now) -> showLongDescription(model.detailsProperty().get()));
    showLongDescription(null);
  }

  /** Opens the description editor (D) with the keyboard in the short description. */
  public void editDescription() {
    model.editDescription();
    if (model.editingProperty().get() == DetailViewModel.Editing.DESCRIPTION) {
      shortDescription.requestFocus();
      shortDescription.end();
    }
  }

  /** Opens the severity choice (V) with the keyboard on it. */
  public void editSeverity() {
    model.editSeverity();
    if (model.editingProperty().get() == DetailViewModel.Editing.SEVERITY) {
      severityChoice.requestFocus();
    }
  }

  private void showLongDescription(IncidentDetails details) {
    boolean any = details != null && !details.longDescription().isBlank()
        && model.editingProperty().get() != DetailViewModel.Editing.DESCRIPTION;
    longDescription.getChildren().setAll(any ? List.of(markdown.render(details.longDescription())) : List.of());
    longDescription.setVisible(any);
  }

  private void showCard(IncidentCard incident) {
    if (incident == null) {
      card.clear();
      header.getChildren().setAll(heading);
    } else {
      card.show(incident);
      card.node().setMinWidth(0); // a long header must not push the split pane's divider
      header.getChildren().setAll(card.node());
    }
  }

  private void showDetails(IncidentDetails details) {
    showLongDescription(details);
    // The cards of the incident shown before stop following the clock: they would tick, unseen, all shift long.
    otherCards.forEach(IncidentCardNode::clear);
    otherCards.clear();
    if (details == null) {
      for (VBox box : List.of(alerts, history, similar, others, instructions, timeline)) {
        box.getChildren().setAll(placeholder(model.incidentProperty().get() == null ? "" : "Loading…"));
      }
      return;
    }
    alerts.getChildren().setAll(details.alerts().isEmpty() ? List.of(placeholder("No alerts."))
        : details.alerts().stream().map(this::alert).toList());
    history.getChildren().setAll(pastList(details.history().items(), details.history().total(),
        "No earlier incident of the same identity (" + details.history().groupingKey() + ")."));
    similar.getChildren().setAll(similar(details));
    others.getChildren().setAll(details.others().isEmpty() ? List.of(placeholder("Nothing else is open in "
        + details.card().project() + ".")) : details.others().stream().map(this::otherCard).toList());
    timeline.getChildren().setAll(details.timeline().stream().map(this::entry).toList());
    instructions.getChildren().setAll(details.runbooks().isEmpty() ? List.of(placeholder(DetailViewModel.NO_RUNBOOKS))
        : details.runbooks().stream().map(this::runbook).toList());
  }

  private Node runbook(Runbook runbook) {
    Label title = new Label(runbook.title());
    title.getStyleClass().add(BatonStyle.CARD_PROJECT);
    Label where = new Label(runbook.path() + (runbook.mql().isEmpty() ? "" : " · " + runbook.mql()));
    where.getStyleClass().add(BatonStyle.CARD_MUTED);
    where.setWrapText(true);
    VBox box = new VBox(4, title, where, markdown.render(runbook.body()));
    box.getStyleClass().add("baton-detail-item");
    return box;
  }

  private Node alert(Alert alert) {
    Label severity = new Label(alert.severity());
    severity.getStyleClass().setAll(BatonStyle.SEVERITY, BatonStyle.severity(severityOf(alert.severity())));
    Label trigger = new Label(alert.trigger());
    trigger.getStyleClass().add(BatonStyle.CARD_PROJECT);
    Label state = new Label(text.stateLine(alert));
    state.getStyleClass().addAll(BatonStyle.CARD_MUTED, "baton-alert-state-" + (alert.state() == null ? "event"
        : alert.state()));
    severity.setMinWidth(Region.USE_PREF_SIZE);
    trigger.setMinWidth(Region.USE_PREF_SIZE);
    state.setWrapText(true);
    HBox top = new HBox(8, severity, trigger);
    top.getStyleClass().add(BatonStyle.CARD_LINE);
    Label periods = new Label("Firing: " + text.periods(alert.periods()));
    periods.getStyleClass().add(BatonStyle.CARD_MUTED);
    periods.setWrapText(true);
    Map<String, List<String>> labels = new LinkedHashMap<>();
    new TreeMap<>(alert.labels()).forEach((k, v) -> labels.put(k, List.of(v)));
    LabelChips chips = new LabelChips(labelClicks);
    chips.show(labels);
    VBox box = new VBox(4, top, state, periods, chips);
    if (alert.annotations() != null) {
      new TreeMap<>(alert.annotations()).forEach((name, value) -> {
        Label title = new Label(name);
        title.getStyleClass().add("baton-annotation-name");
        box.getChildren().addAll(title, markdown.render(value));
      });
    }
    if (alert.generatorUrl() != null && !alert.generatorUrl().isBlank()) {
      box.getChildren().add(markdown.render("[source](" + alert.generatorUrl() + ")"));
    }
    box.getStyleClass().add("baton-detail-item");
    return box;
  }

  private static Severity severityOf(String label) {
    try {
      return Severity.parse(label);
    } catch (RuntimeException e) {
      return Severity.of(9);
    }
  }

  private List<Node> pastList(List<PastIncident> items, int total, String none) {
    if (items.isEmpty()) {
      return List.of(placeholder(none));
    }
    List<Node> nodes = new ArrayList<>();
    for (PastIncident past : items) {
      Label line = new Label(text.past(past));
      line.setWrapText(true);
      line.getStyleClass().add("baton-detail-item");
      nodes.add(line);
    }
    if (total > items.size()) {
      nodes.add(placeholder("… and " + (total - items.size()) + " more"));
    }
    return nodes;
  }

  private List<Node> similar(IncidentDetails details) {
    List<Node> nodes = new ArrayList<>();
    var s = details.similar();
    nodes.add(heading("In " + s.project() + ": " + counters(s.inProject()) + " with trigger " + s.trigger()));
    nodes.addAll(pastList(s.inProject().items(), s.inProject().total(), "None."));
    nodes.add(heading("In all projects: " + counters(s.inAllProjects())));
    nodes.addAll(pastList(s.inAllProjects().items(), s.inAllProjects().total(), "None."));
    return nodes;
  }

  private static String counters(SimilarGroup group) {
    return group.described() + "/" + group.total() + " (described/all)";
  }

  private Node otherCard(IncidentCard other) {
    IncidentCardNode node = new IncidentCardNode(clock, zone, labelClicks, c -> false);
    node.show(other);
    otherCards.add(node);
    return node.node();
  }

  private Node entry(TimelineEntry entry) {
    Label line = new Label(text.timeline(entry));
    line.setWrapText(true);
    line.getStyleClass().addAll("baton-timeline-entry", "baton-timeline-" + entry.kind());
    return line;
  }

  private static Label heading(String title) {
    Label label = new Label(title);
    label.getStyleClass().add("baton-detail-heading");
    return label;
  }

  private static Label placeholder(String message) {
    Label label = new Label(message);
    label.setWrapText(true);
    label.getStyleClass().add("baton-placeholder");
    return label;
  }

  public TabPane tabs() {
    return tabs;
  }

  public VBox root() {
    return root;
  }

  /** What the Post-mortem… button does (the main window opens the selected incident's post-mortem). */
  public void onPostmortem(Runnable action) {
    postmortem.setOnAction(e -> action.run());
  }
}
