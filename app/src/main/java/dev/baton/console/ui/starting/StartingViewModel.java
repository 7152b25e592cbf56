package dev.baton.console.ui.starting;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window says while the console starts or switches receivers off the UI thread (the
 * embedded receiver opening its database, a shared one asked who the token is).
 */
public final class StartingViewModel {

  private final ReadOnlyStringWrapper message;

  public StartingViewModel(String message) {
    this.message = new ReadOnlyStringWrapper(message);
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
