package dev.baton.console.ui.postmortem;

import dev.baton.api.model.PostmortemSummary;
import dev.baton.console.incident.ConnectionWords;
import dev.baton.console.postmortem.Postmortems;
import dev.baton.console.task.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The receiver's post-mortems, newest first, for the side bar's Post-mortems window. */
public final class PostmortemListViewModel {

  /** How many the window lists. */
  public static final int SHOWN = 200;

  private final Postmortems store;
  private final TaskExecutor tasks;
  private final ObservableList<PostmortemSummary> items = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  public PostmortemListViewModel(Postmortems store, TaskExecutor tasks) {
    this.store = store;
    this.tasks = tasks;
  }

  /** Reads the list off the UI thread. */
  public void load() {
    status.set("Loading…");
    tasks.execute(() -> store.recent(SHOWN), page -> {
      items.setAll(page);
      long open = page.stream().mapToLong(PostmortemSummary::actionsOpen).sum();
      status.set(page.isEmpty() ? "No post-mortems yet: open an incident and press P (or Post-mortem in its detail)."
          : page.size() + (page.size() == SHOWN ? " newest post-mortems" : " post-mortems") + " · " + open
              + " open action items");
    }, failure -> status.set("Post-mortems not loaded: " + ConnectionWords.problem(failure)));
  }

  public ObservableList<PostmortemSummary> items() {
    return items;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
