package dev.baton.console.ui.snooze;

import dev.baton.console.snooze.SnoozeRequest;
import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.Fxml;
import dev.baton.console.ui.theme.Theme;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Snooze incident": binds the dialog's controls to its ViewModel; Save asks to confirm "forever". */
public final class SnoozeView {

  private final SnoozeViewModel model;
  private final VBox root;
  private Consumer<Optional<SnoozeRequest>> done = result -> { };

  @FXML
  private Label heading;
  @FXML
  private ToggleGroup duration;
  @FXML
  private ToggleButton min30;
  @FXML
  private ToggleButton hour1;
  @FXML
  private ToggleButton hours3;
  @FXML
  private ToggleButton hours6;
  @FXML
  private ToggleButton until;
  @FXML
  private DatePicker untilDate;
  @FXML
  private TextField untilTime;
  @FXML
  private CheckBox closeIfOk;
  @FXML
  private CheckBox forever;
  @FXML
  private TextArea comment;
  @FXML
  private Label message;
  @FXML
  private Button save;
  @FXML
  private Button cancel;

  public SnoozeView(SnoozeViewModel model, String incident) {
    this.model = model;
    this.root = Fxml.load(this, "Snooze.fxml");
    heading.setText("Snooze incident " + incident);
    wire();
  }

  private void wire() {
    min30.setUserData(SnoozeViewModel.Choice.MIN_30);
    hour1.setUserData(SnoozeViewModel.Choice.HOUR_1);
    hours3.setUserData(SnoozeViewModel.Choice.HOURS_3);
    hours6.setUserData(SnoozeViewModel.Choice.HOURS_6);
    until.setUserData(SnoozeViewModel.Choice.UNTIL);
    select(model.choiceProperty().get());
    duration.selectedToggleProperty().addListener((obs, was, now) -> {
      if (now == null) {
        select(model.choiceProperty().get()); // a toggle group may not end up with nothing chosen
      } else {
        model.choiceProperty().set((SnoozeViewModel.Choice) now.getUserData());
      }
    });
    untilDate.valueProperty().bindBidirectional(model.untilDateProperty());
    untilTime.textProperty().bindBidirectional(model.untilTimeProperty());
    untilDate.disableProperty().bind(model.untilEditable().not());
    untilTime.disableProperty().bind(model.untilEditable().not());
    for (Toggle t : duration.getToggles()) {
      ((ToggleButton) t).disableProperty().bind(model.foreverProperty());
    }
    closeIfOk.selectedProperty().bindBidirectional(model.closeIfOkProperty());
    forever.selectedProperty().bindBidirectional(model.foreverProperty());
    comment.textProperty().bindBidirectional(model.commentProperty());
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    save.setOnAction(e -> save(false));
    cancel.setOnAction(e -> done.accept(Optional.empty()));
  }

  private void select(SnoozeViewModel.Choice choice) {
    for (Toggle t : duration.getToggles()) {
      if (t.getUserData() == choice) {
        duration.selectToggle(t);
      }
    }
  }

  private void save(boolean confirmed) {
    SnoozeViewModel.Outcome outcome = model.save(confirmed);
    if (outcome instanceof SnoozeViewModel.Outcome.Ready ready) {
      done.accept(Optional.of(ready.request()));
    } else if (outcome instanceof SnoozeViewModel.Outcome.NeedsConfirmation ask) {
      Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, ask.question(), ButtonType.CANCEL, ButtonType.OK);
      confirm.setTitle("Snooze forever");
      confirm.setHeaderText("Snooze forever (use with care)");
      confirm.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
      Theme.addStylesheet(confirm.getDialogPane().getScene());
      confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> save(true));
    }
  }

  /** Called once with the request on Save, or empty on Cancel. */
  public void onDone(Consumer<Optional<SnoozeRequest>> callback) {
    this.done = callback;
  }

  public VBox root() {
    return root;
  }

  /** Shows the dialog modally over {@code owner}; empty when cancelled. */
  public Optional<SnoozeRequest> showAndWait(Window owner) {
    Stage stage = Dialogs.modal(owner, "Snooze incident", root);
    Optional<SnoozeRequest>[] result = new Optional[] {Optional.empty()};
    onDone(request -> {
      result[0] = request;
      stage.close();
    });
    stage.showAndWait();
    return result[0];
  }
}
