package dev.baton.console.ui.sidebar;

import dev.baton.console.incident.IncidentView;
import dev.baton.console.savedview.SavedView;
import dev.baton.console.savedview.SavedViewStore;
import dev.baton.console.task.TaskExecutor;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.ast.Query;
import dev.baton.mql.eval.CompiledQuery;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side bar: the built-in views and the operator's saved MQL views, each with a live count.
 * A saved view is the side bar view plus the filter text in force when it was saved; choosing it
 * puts both back. Saved views persist in the user's config folder; a broken file is reported and
 * the console goes on without it.
 */
public final class SidebarViewModel {

  /** A saved view with its live count; {@code problem} says why its MQL cannot be used (edited by hand). */
  public static final class Row {
    private final SavedView saved;
    private final CompiledQuery query;
    private final String problem;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();

    Row(SavedView saved, CompiledQuery query, String problem) {
      this.saved = saved;
      this.query = query;
      this.problem = problem;
    }

    public SavedView saved() {
      return saved;
    }

    public String problem() {
      return problem;
    }

    public ReadOnlyIntegerProperty countProperty() {
      return count.getReadOnlyProperty();
    }
  }

  private final IncidentListViewModel list;
  private final FilterBarViewModel filter;
  private final Mql mql;
  private final SavedViewStore store;
  private final TaskExecutor tasks;
  private final ObservableList<Row> saved = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Row> active = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  public SidebarViewModel(IncidentListViewModel list, FilterBarViewModel filter, Mql mql, SavedViewStore store,
      TaskExecutor tasks) {
    this.list = list;
    this.filter = filter;
    this.mql = mql;
    this.store = store;
    this.tasks = tasks;
    list.revisionProperty().addListener((obs, was, now) -> recount());
    list.viewProperty().addListener((obs, was, now) -> findActive());
    filter.textProperty().addListener((obs, was, now) -> findActive());
  }

  /** Reads the saved views off the UI thread. */
  public void load() {
    tasks.execute(store::load, loaded -> {
      setRows(loaded.value());
      message.set(loaded.problem().map(p -> "Saved views not loaded: " + p).orElse(""));
    }, failure -> message.set("Saved views not loaded: " + failure.getMessage()));
  }

  /** Saves the current side bar view and filter as {@code name}; returns why not, or null when saved. */
  public String saveCurrent(String name) {
    String problem = SavedView.nameProblem(name);
    if (problem == null && filter.problemProperty().get() != null) {
      problem = "The filter has a mistake; fix it before saving it as a view.";
    }
    if (problem == null && find(name.strip()) != null) {
      problem = "A view named '" + name.strip() + "' exists already.";
    }
    if (problem != null) {
      return problem;
    }
    List<SavedView> views = views();
    views.add(new SavedView(name.strip(), list.viewProperty().get(), filter.textProperty().get().strip()));
    update(views);
    return null;
  }

  /** Renames {@code row}; returns why not, or null when renamed. */
  public String rename(Row row, String newName) {
    String problem = SavedView.nameProblem(newName);
    Row existing = problem == null ? find(newName.strip()) : null;
    if (existing != null && existing != row) {
      problem = "A view named '" + newName.strip() + "' exists already.";
    }
    if (problem != null) {
      return problem;
    }
    List<SavedView> views = views();
    views.set(saved.indexOf(row), row.saved().withName(newName.strip()));
    update(views);
    return null;
  }

  public void delete(Row row) {
    List<SavedView> views = views();
    views.remove(saved.indexOf(row));
    update(views);
  }

  /** Shows {@code row}'s side bar view with its filter. */
  public void apply(Row row) {
    list.show(row.saved().view());
    filter.textProperty().set(row.saved().mql());
  }

  public void show(IncidentView view) {
    list.show(view);
  }

  private Row find(String name) {
    return saved.stream().filter(r -> r.saved().name().equals(name)).findFirst().orElse(null);
  }

  private List<SavedView> views() {
    return new ArrayList<>(saved.stream().map(Row::saved).toList());
  }

  private void update(List<SavedView> views) {
    setRows(views);
    List<SavedView> snapshot = List.copyOf(views);
    tasks.execute(() -> {
      store.save(snapshot);
      return snapshot;
    }, done -> message.set(""), failure -> message.set("Saved views not written to " + store.location() + ": "
        + failure.getMessage()));
  }

  private void setRows(List<SavedView> views) {
    List<Row> rows = new ArrayList<>();
    for (SavedView view : views) {
      if (view.mql().isBlank()) {
        rows.add(new Row(view, null, null));
        continue;
      }
      ParseResult<Query> parsed = mql.parse(view.mql());
      rows.add(parsed.ok() ? new Row(view, mql.predicate(parsed.value()), null)
          : new Row(view, null, parsed.problems().get(0).toString()));
    }
    saved.setAll(rows);
    recount();
    findActive();
  }

  private void recount() {
    for (Row row : saved) {
      row.count.set(row.problem != null ? 0 : list.count(row.saved().view(), row.query));
    }
  }

  private void findActive() {
    String text = filter.textProperty().get().strip();
    IncidentView view = list.viewProperty().get();
    active.set(saved.stream().filter(r -> r.saved().view() == view && r.saved().mql().equals(text))
        .findFirst().orElse(null));
  }

  public ObservableList<Row> saved() {
    return saved;
  }

  /** The saved view the list shows now (same view and filter), or null. */
  public ReadOnlyObjectProperty<Row> activeProperty() {
    return active.getReadOnlyProperty();
  }

  /** A problem with the saved views' file, or empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty count(IncidentView view) {
    return list.count(view);
  }

  public ReadOnlyObjectProperty<IncidentView> viewProperty() {
    return list.viewProperty();
  }
}
