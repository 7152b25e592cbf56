package dev.baton.console.savedview;

import dev.baton.console.config.ConfigFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The operator's saved views in {@code views.json} of their config folder. */
public final class SavedViewStore {

  static final String FILE = "views.json";

  /** The file's shape: {@code {"views": [{"name": …, "view": "ALL", "mql": …}]}}. */
  record ViewsFile(List<SavedView> views) {
    ViewsFile {
      views = views == null ? List.of() : views.stream().filter(v -> v != null && v.name() != null).toList();
    }
  }

  private final ConfigFolder folder;
  private volatile boolean brokenOnLoad;

  public SavedViewStore(ConfigFolder folder) {
    this.folder = folder;
  }

  /** The saved views; none, with the problem, when the file is broken. */
  public ConfigFolder.Loaded<List<SavedView>> load() {
    ConfigFolder.Loaded<ViewsFile> loaded = folder.read(FILE, ViewsFile.class, new ViewsFile(List.of()));
    brokenOnLoad = loaded.problem().isPresent();
    return new ConfigFolder.Loaded<>(loaded.value().views(), loaded.problem());
  }

  /** Writes {@code views}; a file that was broken when loaded is kept beside as {@code views.json.broken} first. */
  public void save(List<SavedView> views) throws IOException {
    if (brokenOnLoad && Files.exists(folder.file(FILE))) {
      Files.move(folder.file(FILE), folder.file(FILE + ".broken"), StandardCopyOption.REPLACE_EXISTING);
      brokenOnLoad = false;
    }
    folder.write(FILE, new ViewsFile(List.copyOf(views)));
  }

  public String location() {
    return folder.file(FILE).toString();
  }
}
