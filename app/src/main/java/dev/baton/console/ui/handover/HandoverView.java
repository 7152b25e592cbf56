package dev.baton.console.ui.handover;

import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.Fxml;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The hand-over dialog: holder picker (editable), comment, Save / Cancel. */
public final class HandoverView {

  private final HandoverViewModel model;
  private final VBox root;
  @FXML
  private Label heading;
  @FXML
  private ComboBox<String> to;
  @FXML
  private TextArea comment;
  @FXML
  private Label message;
  @FXML
  private Button save;
  @FXML
  private Button cancel;

  public HandoverView(HandoverViewModel model, String incident) {
    this.model = model;
    this.root = Fxml.load(this, "Handover.fxml");
    heading.setText("Hand over incident " + incident);
    to.setItems(model.candidates());
    to.getEditor().textProperty().bindBidirectional(model.toProperty());
    to.valueProperty().addListener((obs, was, now) -> {
      if (now != null) {
        model.toProperty().set(now);
      }
    });
    comment.textProperty().bindBidirectional(model.commentProperty());
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
  }

  public VBox root() {
    return root;
  }

  /** Shows the dialog modally over {@code owner}; empty when cancelled. */
  public Optional<HandoverViewModel.Handover> showAndWait(Window owner) {
    Stage stage = Dialogs.modal(owner, "Hand over", root);
    @SuppressWarnings("unchecked")
    Optional<HandoverViewModel.Handover>[] result = new Optional[] {Optional.empty()};
    save.setOnAction(e -> model.save().ifPresent(handover -> {
      result[0] = Optional.of(handover);
      stage.close();
    }));
    cancel.setOnAction(e -> stage.close());
    to.requestFocus();
    stage.showAndWait();
    return result[0];
  }
}
