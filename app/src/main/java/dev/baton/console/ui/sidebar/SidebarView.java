package dev.baton.console.ui.sidebar;

import dev.baton.console.incident.IncidentView;
import dev.baton.console.ui.Fxml;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The side bar: built-in views and saved views with their counts; save, rename and delete views. */
public final class SidebarView {

  private final SidebarViewModel model;
  private final VBox root;
  @FXML
  private ListView<IncidentView> views;
  @FXML
  private ListView<SidebarViewModel.Row> saved;
  @FXML
  private Button saveButton;
  @FXML
  private Label message;
  @FXML
  private Button postmortems;
  @FXML
  private Button analytics;
  @FXML
  private Button sources;

  public SidebarView(SidebarViewModel model) {
    this.model = model;
    this.root = Fxml.load(this, "Sidebar.fxml");
    buildViews();
    buildSaved();
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
  }

  private void buildViews() {
    views.getItems().setAll(IncidentView.values());
    views.setFixedCellSize(30);
    views.setPrefHeight(30 * IncidentView.values().length + 4);
    views.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(IncidentView item, boolean empty) {
        super.updateItem(item, empty);
        textProperty().unbind();
        if (empty || item == null) {
          setText(null);
        } else {
          textProperty().bind(model.count(item).asString(item.title() + "  (%d)"));
        }
      }
    });
    views.getSelectionModel().select(model.viewProperty().get());
    views.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null) {
        model.show(now);
      }
    });
    model.viewProperty().addListener((obs, was, now) -> views.getSelectionModel().select(now));
  }

  private void buildSaved() {
    saved.setItems(model.saved());
    saved.setFixedCellSize(30);
    saved.setPlaceholder(new Label("Type a filter, then\n+ saves it as a view."));
    saved.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(SidebarViewModel.Row row, boolean empty) {
        super.updateItem(row, empty);
        textProperty().unbind();
        setTooltip(null);
        setContextMenu(null);
        if (empty || row == null) {
          setText(null);
          return;
        }
        if (row.problem() != null) {
          setText(row.saved().name() + "  (invalid)");
          setTooltip(new Tooltip(row.saved().mql() + "\n" + row.problem()));
        } else {
          textProperty().bind(row.countProperty().asString(row.saved().name() + "  (%d)"));
          setTooltip(new Tooltip(row.saved().view().title() + (row.saved().mql().isEmpty() ? ""
              : " · " + row.saved().mql())));
        }
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> rename(row));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> model.delete(row));
        setContextMenu(new ContextMenu(rename, delete));
      }
    });
    saved.setOnMouseClicked(e -> {
      SidebarViewModel.Row row = saved.getSelectionModel().getSelectedItem();
      if (row != null && row.problem() == null) {
        model.apply(row);
      }
    });
    model.activeProperty().addListener((obs, was, now) -> {
      if (now == null) {
        saved.getSelectionModel().clearSelection();
      } else {
        saved.getSelectionModel().select(now);
      }
    });
    saveButton.setOnAction(e -> saveCurrent());
  }

  /** Asks for a name and saves the current view and filter under it. */
  public void saveCurrent() {
    ask("Save view", "Name of the new view (the side bar view and the filter as they are now):", "")
        .ifPresent(name -> complain(model.saveCurrent(name)));
  }

  private void rename(SidebarViewModel.Row row) {
    ask("Rename view", "New name of '" + row.saved().name() + "':", row.saved().name())
        .ifPresent(name -> complain(model.rename(row, name)));
  }

  private Optional<String> ask(String title, String question, String initial) {
    TextInputDialog dialog = new TextInputDialog(initial);
    dialog.setTitle(title);
    dialog.setHeaderText(question);
    dialog.initOwner(root.getScene().getWindow());
    return dialog.showAndWait();
  }

  private void complain(String problem) {
    if (problem != null) {
      Alert alert = new Alert(Alert.AlertType.WARNING, problem);
      alert.setHeaderText("The view was not saved");
      alert.initOwner(root.getScene().getWindow());
      alert.show();
    }
  }

  /** What the Reports entries open: the post-mortems list, the analytics and the sources. */
  public void onReports(Runnable showPostmortems, Runnable showAnalytics, Runnable showSources) {
    postmortems.setOnAction(e -> showPostmortems.run());
    analytics.setOnAction(e -> showAnalytics.run());
    sources.setOnAction(e -> showSources.run());
  }

  public ListView<IncidentView> views() {
    return views;
  }

  public ListView<SidebarViewModel.Row> saved() {
    return saved;
  }

  public VBox root() {
    return root;
  }
}
