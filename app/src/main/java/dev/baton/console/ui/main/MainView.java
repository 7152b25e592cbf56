package dev.baton.console.ui.main;

import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.detail.DetailView;
import dev.baton.console.ui.filter.FilterBarView;
import dev.baton.console.ui.handover.HandoverView;
import dev.baton.console.ui.handover.HandoverViewModel;
import dev.baton.console.ui.incidents.IncidentListView;
import dev.baton.console.ui.settings.SettingsView;
import dev.baton.console.ui.sidebar.SidebarView;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.snooze.SnoozeView;
import dev.baton.console.ui.snooze.SnoozeViewModel;
import dev.baton.console.ui.theme.BatonStyle;
import dev.baton.console.ui.theme.Theme;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: menu, filter bar, side bar of views with counts, incident list, detail pane,
 * status bar; and the keyboard shortcuts.
 */
public final class MainView {

  static final String SHORTCUTS = String.join("\n",
      "Ctrl+F or /    focus the MQL filter",
      "Ctrl+Space     complete in the filter",
      "Esc            leave the filter (back to the list)",
      "↑ ↓ or J K     move in the list",
      "Enter          open the selected incident's detail",
      "T              take the selected incident",
      "H              hand it over (to @person or #team)",
      "S              snooze it",
      "U              wake it (unsnooze)",
      "C              close it",
      "D              edit its short and long description (Ctrl+Enter saves, Esc cancels)",
      "V              set its severity (with a reason)",
      "P              its post-mortem (a draft when it has none)",
      "Ctrl+D         light / dark theme",
      "F11            wall mode",
      "?              this list");

  private final MainViewModel model;
  private final SlaClock clock;
  private final ZoneId zone;
  private final BorderPane root;
  private final FilterBarView filterBar;
  private final IncidentListView listView;
  private final DetailView detail;
  private final SidebarView sidebar;

  @FXML
  private VBox top;
  @FXML
  private SplitPane split;
  @FXML
  private Label connection;
  @FXML
  private Label banner;
  @FXML
  private Label listStatus;
  @FXML
  private Label actionStatus;
  @FXML
  private Label demoStatus;
  @FXML
  private CheckMenuItem darkItem;
  @FXML
  private CheckMenuItem wallItem;
  @FXML
  private MenuItem demoItem;
  @FXML
  private MenuItem connectItem;
  @FXML
  private MenuItem settingsItem;
  @FXML
  private MenuItem snoozeItem;
  @FXML
  private MenuItem takeItem;
  @FXML
  private MenuItem handoverItem;
  @FXML
  private MenuItem unsnoozeItem;
  @FXML
  private MenuItem closeItem;
  @FXML
  private MenuItem describeItem;
  @FXML
  private MenuItem severityItem;
  @FXML
  private MenuItem shortcutsItem;
  @FXML
  private MenuItem filterItem;
  @FXML
  private MenuItem saveViewItem;
  @FXML
  private MenuItem postmortemItem;
  @FXML
  private MenuItem postmortemsItem;
  @FXML
  private MenuItem analyticsItem;
  @FXML
  private MenuItem sourcesItem;
  private Consumer<IncidentCard> postmortemOf = card -> { };

  public MainView(MainViewModel model, SlaClock clock, ZoneId zone, Consumer<String> openLink) {
    this.model = model;
    this.clock = clock;
    this.zone = zone;
    this.root = Fxml.load(this, "Main.fxml");
    this.filterBar = new FilterBarView(model.filter());
    this.listView = new IncidentListView(model.list(), clock, zone, model.filter()::addLabelMatch);
    this.detail = new DetailView(model.detail(), clock, zone, model.filter()::addLabelMatch, openLink);
    this.sidebar = new SidebarView(model.sidebar());
    root.setLeft(sidebar.root());
    top.getChildren().add(filterBar.root());
    split.getItems().setAll(listView.root(), detail.root());
    split.setDividerPositions(0.62);
    wire();
  }

  private void wire() {
    connection.setText(model.connection());
    listStatus.textProperty().bind(model.list().statusProperty());
    banner.textProperty().bind(model.bannerProperty());
    banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
    banner.managedProperty().bind(banner.visibleProperty());
    actionStatus.textProperty().bind(model.actionStatusProperty());
    demoStatus.textProperty().bind(model.demoStatusProperty());
    listView.setPlaceholder("No incidents in this view.\n\nOpen, taken and snoozed incidents of the receiver"
        + " are listed here as alerts (or the demo stream) reach it; changes arrive live.");
    darkItem.selectedProperty().bindBidirectional(model.darkProperty());
    wallItem.selectedProperty().bindBidirectional(model.wallProperty());
    darkItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
    filterItem.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
    filterItem.setOnAction(e -> filterBar.focus());
    saveViewItem.setOnAction(e -> sidebar.saveCurrent());
    demoItem.setOnAction(e -> model.startDemo());
    snoozeItem.setOnAction(e -> snoozeSelected());
    takeItem.setOnAction(e -> model.selected().ifPresent(model::take));
    handoverItem.setOnAction(e -> handoverSelected());
    unsnoozeItem.setOnAction(e -> model.selected().ifPresent(model::unsnooze));
    closeItem.setOnAction(e -> closeSelected());
    describeItem.setOnAction(e -> detail.editDescription());
    severityItem.setOnAction(e -> detail.editSeverity());
    for (MenuItem item : java.util.List.of(takeItem, handoverItem, snoozeItem, unsnoozeItem, closeItem, describeItem,
        severityItem)) {
      item.disableProperty().bind(model.list().selectedProperty().isNull().or(model.actionsAllowed().not()));
    }
    listView.list().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ENTER && model.selected().isPresent()) {
        detail.tabs().requestFocus();
        e.consume();
      }
    });
    shortcutsItem.setOnAction(e -> showShortcuts());
    root.addEventFilter(KeyEvent.KEY_TYPED, this::typed);
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE && inTextInput()) {
        listView.list().requestFocus();
      } else if (e.getCode() == KeyCode.F11) {
        model.wallProperty().set(!model.wallProperty().get());
        e.consume();
      }
    });
    clock.subscribe(model::tick);
    settingsItem.setOnAction(e -> new SettingsView(model.settings()).show(root.getScene().getWindow()));
  }

  /** Single-key shortcuts, only while the keyboard is not in a text input. */
  private void typed(KeyEvent e) {
    if (inTextInput() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    switch (e.getCharacter()) {
      case "/" -> filterBar.focus();
      case "s", "S" -> snoozeSelected();
      case "t", "T" -> model.selected().ifPresent(model::take);
      case "h", "H" -> handoverSelected();
      case "u", "U" -> model.selected().ifPresent(model::unsnooze);
      case "c", "C" -> closeSelected();
      case "d", "D" -> detail.editDescription();
      case "v", "V" -> detail.editSeverity();
      case "p", "P" -> model.selected().ifPresent(postmortemOf);
      case "?" -> showShortcuts();
      default -> {
        return;
      }
    }
    e.consume();
  }

  private boolean inTextInput() {
    Scene scene = root.getScene();
    if (scene == null || scene.getFocusOwner() == null) {
      return false;
    }
    var owner = scene.getFocusOwner();
    return owner instanceof TextInputControl || owner instanceof org.fxmisc.richtext.GenericStyledArea;
  }

  private void snoozeSelected() {
    IncidentCard card = model.selected().orElse(null);
    if (card == null || !model.actionsAllowed().get()) {
      return;
    }
    SnoozeView dialog = new SnoozeView(new SnoozeViewModel(Clock.system(zone), zone), "#" + card.id());
    dialog.showAndWait(root.getScene().getWindow()).ifPresent(request -> model.snooze(card, request));
  }

  private void handoverSelected() {
    IncidentCard card = model.selected().orElse(null);
    if (card == null || !model.actionsAllowed().get()) {
      return;
    }
    new HandoverView(new HandoverViewModel(model.holdersSeen()), "#" + card.id())
        .showAndWait(root.getScene().getWindow())
        .ifPresent(h -> model.handover(card, h.to(), h.comment()));
  }

  private void closeSelected() {
    IncidentCard card = model.selected().orElse(null);
    if (card == null || !model.actionsAllowed().get()) {
      return;
    }
    TextInputDialog ask = new TextInputDialog();
    ask.setTitle("Close incident");
    ask.setHeaderText("Close incident #" + card.id() + "?");
    ask.setContentText("Comment (optional):");
    ask.getEditor().setId("close-comment");
    ask.initOwner(root.getScene().getWindow());
    Theme.addStylesheet(ask.getDialogPane().getScene());
    ask.showAndWait().ifPresent(comment -> model.close(card, comment));
  }

  private void showShortcuts() {
    Alert help = new Alert(Alert.AlertType.INFORMATION);
    help.setTitle("Keyboard shortcuts");
    help.setHeaderText("Keyboard shortcuts");
    Label list = new Label(SHORTCUTS);
    list.setStyle("-fx-font-family: 'DejaVu Sans Mono';");
    help.getDialogPane().setContent(list);
    help.initOwner(root.getScene().getWindow());
    help.show();
  }

  /** Puts this view in {@code stage} and keeps the title, theme and wall mode in step with the ViewModel. */
  public Scene showIn(Stage stage) {
    Scene scene = new Scene(root, 1280, 800);
    Theme.addStylesheet(scene);
    applyTheme(scene);
    model.darkProperty().addListener((obs, was, now) -> applyTheme(scene));
    model.wallProperty().addListener((obs, was, now) -> {
      stage.setFullScreen(now);
      showWall(now);
    });
    stage.titleProperty().bind(model.titleProperty());
    stage.setScene(scene);
    return scene;
  }

  /** Wall mode shows the list alone, in large type; leaving it brings the rest back. */
  private void showWall(boolean wall) {
    root.getStyleClass().remove(BatonStyle.WALL);
    top.setVisible(!wall);
    top.setManaged(!wall);
    sidebar.root().setVisible(!wall);
    sidebar.root().setManaged(!wall);
    if (wall) {
      root.getStyleClass().add(BatonStyle.WALL);
      split.getItems().setAll(listView.root());
    } else {
      split.getItems().setAll(listView.root(), detail.root());
      split.setDividerPositions(0.62);
    }
    // Cell heights were measured in the other type size: measure again; a wall shows the top.
    listView.list().refresh();
    if (wall) {
      listView.list().scrollTo(0);
    }
  }

  private void applyTheme(Scene scene) {
    (model.darkProperty().get() ? Theme.DARK : Theme.LIGHT).apply(scene);
  }

  public FilterBarView filterBar() {
    return filterBar;
  }

  public SidebarView sidebar() {
    return sidebar;
  }

  /**
   * Where post-mortems and analytics open from: P, Incident → Post-mortem… and the detail pane's
   * button for the selected incident; Reports and the side bar for the lists and the sources.
   */
  public void onReports(Consumer<IncidentCard> postmortemOfIncident, Runnable postmortems, Runnable analytics,
      Runnable sources) {
    postmortemOf = postmortemOfIncident;
    postmortemItem.disableProperty().bind(model.list().selectedProperty().isNull());
    postmortemItem.setOnAction(e -> model.selected().ifPresent(postmortemOf));
    detail.onPostmortem(() -> model.selected().ifPresent(postmortemOf));
    postmortemsItem.setOnAction(e -> postmortems.run());
    analyticsItem.setOnAction(e -> analytics.run());
    sourcesItem.setOnAction(e -> sources.run());
    sidebar.onReports(postmortems, analytics, sources);
  }

  /** What Console → Connect to a receiver… does (the application switches receivers). */
  public void onConnect(Runnable action) {
    connectItem.setOnAction(e -> action.run());
  }

  public SplitPane split() {
    return split;
  }

  public MainViewModel model() {
    return model;
  }

  public DetailView detail() {
    return detail;
  }

  public IncidentListView listView() {
    return listView;
  }

  public BorderPane root() {
    return root;
  }
}
