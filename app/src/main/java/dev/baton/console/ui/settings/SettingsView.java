package dev.baton.console.ui.settings;

import dev.baton.console.ui.Dialogs;
import dev.baton.console.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The settings dialog: chime volume, mute, a button to hear it, desktop notifications; Save keeps them. */
public final class SettingsView {

  private final SettingsViewModel model;
  private final VBox root;
  @FXML
  private Slider volume;
  @FXML
  private Label volumeText;
  @FXML
  private CheckBox muted;
  @FXML
  private Button tryChime;
  @FXML
  private CheckBox desktopNotifications;
  @FXML
  private Label notificationsHow;
  @FXML
  private Label message;
  @FXML
  private Button save;
  @FXML
  private Button cancel;

  public SettingsView(SettingsViewModel model) {
    this.model = model;
    this.root = Fxml.load(this, "Settings.fxml");
    volume.setValue(model.volumeProperty().get());
    volume.valueProperty().addListener((obs, was, now) -> model.volumeProperty().set(now.intValue()));
    volumeText.textProperty().bind(model.volumeProperty().asString("%d %%"));
    muted.selectedProperty().bindBidirectional(model.mutedProperty());
    volume.disableProperty().bind(model.mutedProperty());
    tryChime.setOnAction(e -> model.tryChime());
    desktopNotifications.selectedProperty().bindBidirectional(model.desktopNotificationsProperty());
    notificationsHow.textProperty().bind(model.notificationsHowProperty());
    message.textProperty().bind(model.messageProperty());
    model.probeNotifications();
  }

  public VBox root() {
    return root;
  }

  public Stage show(Window owner) {
    Stage stage = Dialogs.modal(owner, "Settings", root);
    int volumeBefore = model.volumeProperty().get();
    boolean mutedBefore = model.mutedProperty().get();
    boolean notifyBefore = model.desktopNotificationsProperty().get();
    save.setOnAction(e -> {
      model.save();
      stage.close();
    });
    cancel.setOnAction(e -> {
      model.volumeProperty().set(volumeBefore);
      model.mutedProperty().set(mutedBefore);
      model.desktopNotificationsProperty().set(notifyBefore);
      stage.close();
    });
    stage.show();
    return stage;
  }
}
