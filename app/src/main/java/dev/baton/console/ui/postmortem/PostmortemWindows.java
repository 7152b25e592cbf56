package dev.baton.console.ui.postmortem;

import dev.baton.console.postmortem.Postmortems;
import dev.baton.console.task.Delay;
import dev.baton.console.task.TaskExecutor;
import dev.baton.console.ui.FileDialogs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the post-mortem windows: one editor per post-mortem (opening it again brings it to the front) and the list. */
public final class PostmortemWindows {

  /** An editor window; {@code incidentId} is the incident it was opened for (0: opened by post-mortem id). */
  private record Open(PostmortemEditorView view, Stage stage, long incidentId) {
  }

  private final Postmortems store;
  private final TaskExecutor tasks;
  private final Delay delay;
  private final Clock clock;
  private final FileDialogs files;
  private final Consumer<String> openLink;
  private final List<Open> editors = new ArrayList<>();
  private Stage list;

  public PostmortemWindows(Postmortems store, TaskExecutor tasks, Delay delay, Clock clock, FileDialogs files,
      Consumer<String> openLink) {
    this.store = store;
    this.tasks = tasks;
    this.delay = delay;
    this.clock = clock;
    this.files = files;
    this.openLink = openLink;
  }

  /** The post-mortem of incident {@code incidentId}, created as a draft when it has none. */
  public PostmortemEditorView openForIncident(Window owner, long incidentId) {
    for (Open open : editors) {
      // Also while it loads: a second P must not create a second window on the same report.
      if (open.incidentId == incidentId || open.view.model().incidentIds().contains(incidentId)) {
        open.stage.toFront();
        return open.view;
      }
    }
    PostmortemEditorView view = editor(owner, incidentId);
    view.model().openForIncident(incidentId);
    return view;
  }

  public PostmortemEditorView open(Window owner, long postmortemId) {
    for (Open open : editors) {
      if (open.view.model().id() == postmortemId) {
        open.stage.toFront();
        return open.view;
      }
    }
    PostmortemEditorView view = editor(owner, 0);
    view.model().open(postmortemId);
    return view;
  }

  private PostmortemEditorView editor(Window owner, long incidentId) {
    PostmortemEditorView view = new PostmortemEditorView(new PostmortemEditorViewModel(store, tasks, delay, clock),
        files, openLink);
    Stage stage = view.show(owner);
    Open open = new Open(view, stage, incidentId);
    editors.add(open);
    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> editors.remove(open));
    return view;
  }

  /** The list of post-mortems (one window; shown again if open). */
  public void showList(Window owner) {
    if (list != null && list.isShowing()) {
      list.toFront();
      return;
    }
    PostmortemListView view = new PostmortemListView(new PostmortemListViewModel(store, tasks), clock.getZone(),
        summary -> open(list, summary.id()));
    list = view.show(owner);
  }
}
