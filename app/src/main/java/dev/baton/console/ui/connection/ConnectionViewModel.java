package dev.baton.console.ui.connection;

import dev.baton.console.connection.ConnectionCheck;
import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.task.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Connect to a receiver": the embedded one, or a URL and token that are tried (off the UI thread)
 * before the console switches; what is wrong is said in the dialog.
 */
public final class ConnectionViewModel {

  private final ConnectionCheck check;
  private final TaskExecutor tasks;
  private final BooleanProperty embedded = new SimpleBooleanProperty(true);
  private final StringProperty url = new SimpleStringProperty("");
  private final StringProperty token = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);

  public ConnectionViewModel(ConnectionCheck check, TaskExecutor tasks, RememberedConnection.Saved current) {
    this.check = check;
    this.tasks = tasks;
    embedded.set(current.embedded());
    url.set(current.embedded() ? "" : current.server());
    token.set(current.token() == null ? "" : current.token());
  }

  /** Tries the choice; {@code connect} receives it once it works (an embedded choice needs no try). */
  public void connect(Consumer<RememberedConnection.Saved> connectTo) {
    if (embedded.get()) {
      message.set("");
      connectTo.accept(new RememberedConnection.Saved(null, null));
      return;
    }
    String urlText = url.get();
    String tokenText = token.get() == null || token.get().isBlank() ? null : token.get().strip();
    checking.set(true);
    message.set("Trying " + urlText.strip() + "…");
    tasks.execute(() -> check.check(urlText, tokenText), reached -> {
      checking.set(false);
      message.set("");
      connectTo.accept(new RememberedConnection.Saved(reached.url().toString(), tokenText));
    }, failure -> {
      checking.set(false);
      message.set(failure instanceof ConnectionCheck.Failed ? failure.getMessage()
          : "Cannot connect: " + failure.getMessage());
    });
  }

  public BooleanProperty embeddedProperty() {
    return embedded;
  }

  public StringProperty urlProperty() {
    return url;
  }

  public StringProperty tokenProperty() {
    return token;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty checkingProperty() {
    return checking.getReadOnlyProperty();
  }
}
