package dev.baton.console.ui.sources;

import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.theme.BatonStyle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Sources window: each source's heartbeat and alerts, a missing one drawn as an alarm on top. */
public final class SourcesView {

  private final SourcesViewModel model;
  private final VBox root;
  @FXML
  private TableView<SourceRow> table;
  @FXML
  private Label status;
  @FXML
  private Button refresh;

  public SourcesView(SourcesViewModel model) {
    this.model = model;
    this.root = Fxml.load(this, "Sources.fxml");
    column("Source", 170, SourceRow::name);
    column("Status", 400, SourceRow::status);
    column("Heartbeat every", 150, SourceRow::heartbeat);
    column("Last heartbeat", 140, SourceRow::lastHeartbeat);
    column("Last message", 130, SourceRow::lastMessage);
    column("Alerts received", 145, r -> Long.toString(r.alertsReceived()));
    column("Active", 80, r -> Long.toString(r.activeAlerts()));
    column("Unknown", 100, r -> Long.toString(r.unknownAlerts()));
    table.setItems(model.rows());
    table.setPlaceholder(new Label("No sources."));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(SourceRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().remove(BatonStyle.SOURCE_MISSING);
        if (!empty && row != null && row.missing()) {
          getStyleClass().add(BatonStyle.SOURCE_MISSING);
        }
      }
    });
    status.textProperty().bind(model.statusProperty());
    refresh.setOnAction(e -> model.load());
    refresh.disableProperty().bind(model.loadingProperty());
  }

  private void column(String title, double width, Function<SourceRow, String> value) {
    TableColumn<SourceRow, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    table.getColumns().add(column);
  }

  /** Shows the sources in a window of their own and reads them. */
  public Stage show(Window owner) {
    Stage stage = Dialogs.window(owner, "Sources — Baton", root, 1380, 480);
    model.load();
    return stage;
  }

  public TableView<SourceRow> table() {
    return table;
  }
}
