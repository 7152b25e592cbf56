package dev.baton.console.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the console asks for files: the platform's choosers; UI tests answer with paths of their own. */
public interface FileDialogs {

  /** Asks where to save; {@code extension} like {@code png}. Empty when cancelled. */
  Optional<Path> save(Window owner, String title, String suggestedName, String description, String extension);

  /** Asks for files to open; empty when cancelled. */
  List<Path> open(Window owner, String title);

  /** The platform's file choosers. */
  FileDialogs NATIVE = new FileDialogs() {
    @Override
    public Optional<Path> save(Window owner, String title, String suggestedName, String description,
        String extension) {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      chooser.setInitialFileName(suggestedName);
      chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
      return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public List<Path> open(Window owner, String title) {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      List<File> files = chooser.showOpenMultipleDialog(owner);
      return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }
  };
}
