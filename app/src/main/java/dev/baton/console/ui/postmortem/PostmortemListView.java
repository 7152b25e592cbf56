package dev.baton.console.ui.postmortem;

import dev.baton.api.model.PostmortemSummary;
import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.Fxml;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Post-mortems window: every post-mortem with its status and open action items; Enter or a double click opens one. */
public final class PostmortemListView {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PostmortemListViewModel model;
  private final ZoneId zone;
  private final VBox root;
  @FXML
  private TableView<PostmortemSummary> table;
  @FXML
  private Label status;
  @FXML
  private Button refresh;

  public PostmortemListView(PostmortemListViewModel model, ZoneId zone, Consumer<PostmortemSummary> open) {
    this.model = model;
    this.zone = zone;
    this.root = Fxml.load(this, "PostmortemList.fxml");
    column("#", 50, p -> Long.toString(p.id()));
    column("Title", 380, PostmortemSummary::title);
    column("Status", 90, PostmortemSummary::status);
    column("Owner", 110, PostmortemSummary::owner);
    column("Incidents", 110, p -> p.incidentIds().stream().map(i -> "#" + i).reduce((a, b) -> a + ", " + b)
        .orElse(""));
    column("Trigger", 150, p -> p.triggerCategory() == null ? "" : p.triggerCategory());
    column("Failure start", 130, p -> when(p.failureStart()));
    column("Action items", 100, p -> p.actionsOpen() + " open of " + p.actionsTotal());
    column("Updated", 130, p -> when(p.updatedAt()));
    table.setItems(model.items());
    table.setPlaceholder(new Label("No post-mortems."));
    table.setRowFactory(t -> {
      var row = new javafx.scene.control.TableRow<PostmortemSummary>();
      row.setOnMouseClicked(e -> {
        if (e.getClickCount() == 2 && row.getItem() != null) {
          open.accept(row.getItem());
        }
      });
      return row;
    });
    table.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
        open.accept(table.getSelectionModel().getSelectedItem());
      }
    });
    status.textProperty().bind(model.statusProperty());
    refresh.setOnAction(e -> model.load());
  }

  private void column(String title, double width, Function<PostmortemSummary, String> value) {
    TableColumn<PostmortemSummary, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    table.getColumns().add(column);
  }

  private String when(Instant at) {
    return at == null ? "" : WHEN.format(at.atZone(zone));
  }

  /** Shows the list in a window of its own and loads it. */
  public Stage show(Window owner) {
    Stage stage = Dialogs.window(owner, "Post-mortems — Baton", root, 1180, 560);
    stage.focusedProperty().addListener((obs, was, focused) -> {
      if (focused) {
        model.load();
      }
    });
    model.load();
    return stage;
  }

  public TableView<PostmortemSummary> table() {
    return table;
  }
}
