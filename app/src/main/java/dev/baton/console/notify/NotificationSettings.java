package dev.baton.console.notify;

import dev.baton.console.config.ConfigFolder;
import java.io.IOException;

/** Whether the wall also shows desktop notifications; kept in {@code notifications.json} of the user's config folder. */
public record NotificationSettings(boolean desktop) {

  public static final NotificationSettings DEFAULT = new NotificationSettings(false);
  static final String FILE = "notifications.json";

  public static ConfigFolder.Loaded<NotificationSettings> load(ConfigFolder folder) {
    return folder.read(FILE, NotificationSettings.class, DEFAULT);
  }

  public void save(ConfigFolder folder) throws IOException {
    folder.write(FILE, this);
  }
}
