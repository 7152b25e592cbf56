package dev.baton.console.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** File choosers that answer with the test's own paths (the platform's cannot open under Monocle). */
public final class AnsweringFileDialogs implements FileDialogs {

  /** What "open" answers. */
  public final List<Path> toOpen = new ArrayList<>();
  /** What "save" answers; null: cancelled. */
  public volatile Path saveTo;

  @Override
  public Optional<Path> save(Window owner, String title, String suggestedName, String description, String extension) {
    return Optional.ofNullable(saveTo);
  }

  @Override
  public List<Path> open(Window owner, String title) {
    return List.copyOf(toOpen);
  }
}
