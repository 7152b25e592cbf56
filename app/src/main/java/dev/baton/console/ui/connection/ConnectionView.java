package dev.baton.console.ui.connection;

import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.Fxml;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The connection dialog: embedded receiver or URL + token; Connect tries it first. */
public final class ConnectionView {

  private final ConnectionViewModel model;
  private final VBox root;
  @FXML
  private RadioButton embedded;
  @FXML
  private RadioButton shared;
  @FXML
  private ToggleGroup where;
  @FXML
  private TextField url;
  @FXML
  private PasswordField token;
  @FXML
  private Label message;
  @FXML
  private Button connect;
  @FXML
  private Button cancel;

  public ConnectionView(ConnectionViewModel model) {
    this.model = model;
    this.root = Fxml.load(this, "Connection.fxml");
    embedded.setSelected(model.embeddedProperty().get());
    shared.setSelected(!model.embeddedProperty().get());
    model.embeddedProperty().bind(embedded.selectedProperty());
    url.textProperty().bindBidirectional(model.urlProperty());
    token.textProperty().bindBidirectional(model.tokenProperty());
    url.disableProperty().bind(embedded.selectedProperty());
    token.disableProperty().bind(embedded.selectedProperty());
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    connect.disableProperty().bind(model.checkingProperty());
  }

  public VBox root() {
    return root;
  }

  /** Shows the dialog over {@code owner}; {@code connectTo} gets a choice that works, then the dialog closes. */
  public Stage show(Window owner, Consumer<RememberedConnection.Saved> connectTo) {
    Stage stage = Dialogs.modal(owner, "Connect to a receiver", root);
    connect.setOnAction(e -> model.connect(choice -> {
      stage.close();
      connectTo.accept(choice);
    }));
    cancel.setOnAction(e -> stage.close());
    stage.show();
    return stage;
  }
}
