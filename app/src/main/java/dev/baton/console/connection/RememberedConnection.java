package dev.baton.console.connection;

import dev.baton.console.config.ConfigFolder;
import java.io.IOException;

/**
 * The receiver the operator last connected to from the dialog, in {@code connection.json} of the
 * config folder (mode 600: it holds the token). An empty server means the embedded receiver.
 */
public final class RememberedConnection {

  /** The file's shape. */
  public record Saved(String server, String token) {
    public boolean embedded() {
      return server == null || server.isBlank();
    }
  }

  static final String FILE = "connection.json";
  private final ConfigFolder folder;

  public RememberedConnection(ConfigFolder folder) {
    this.folder = folder;
  }

  public ConfigFolder.Loaded<Saved> load() {
    return folder.read(FILE, Saved.class, new Saved(null, null));
  }

  public void save(Saved saved) throws IOException {
    folder.write(FILE, saved);
  }
}
