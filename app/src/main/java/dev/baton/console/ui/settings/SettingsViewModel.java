package dev.baton.console.ui.settings;

import dev.baton.console.config.ConfigFolder;
import dev.baton.console.notify.DesktopNotifier;
import dev.baton.console.notify.NotificationSettings;
import dev.baton.console.sound.Chime;
import dev.baton.console.sound.SoundSettings;
import dev.baton.console.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Settings: the wall's chime volume and mute, and whether it also shows desktop notifications;
 * kept per user; a broken file is reported, defaults used.
 */
public final class SettingsViewModel {

  private final ConfigFolder folder;
  private final TaskExecutor tasks;
  private final Chime chime;
  private final IntegerProperty volume = new SimpleIntegerProperty(SoundSettings.DEFAULT.volume());
  private final BooleanProperty muted = new SimpleBooleanProperty(SoundSettings.DEFAULT.muted());
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final DesktopNotifier notifier;
  private final BooleanProperty desktopNotifications = new SimpleBooleanProperty(NotificationSettings.DEFAULT.desktop());
  private final ReadOnlyStringWrapper notificationsHow = new ReadOnlyStringWrapper("");

  public SettingsViewModel(ConfigFolder folder, TaskExecutor tasks, Chime chime, DesktopNotifier notifier) {
    this.folder = folder;
    this.tasks = tasks;
    this.chime = chime;
    this.notifier = notifier;
  }

  /** Reads the saved settings off the UI thread. */
  public void load() {
    tasks.execute(() -> SoundSettings.load(folder), loaded -> {
      show(loaded.value());
      message.set(loaded.problem().map(p -> "Sound settings not loaded: " + p).orElse(""));
    }, failure -> message.set("Sound settings not loaded: " + failure.getMessage()));
    tasks.execute(() -> NotificationSettings.load(folder), loaded -> {
      desktopNotifications.set(loaded.value().desktop());
      loaded.problem().ifPresent(p -> message.set("Notification settings not loaded: " + p));
    }, failure -> message.set("Notification settings not loaded: " + failure.getMessage()));
  }

  /** Finds out, off the UI thread, how notifications would reach this desktop (for the dialog). */
  public void probeNotifications() {
    tasks.execute(notifier::how, how -> notificationsHow.set("Desktop notifications: " + how + "."),
        failure -> notificationsHow.set("Desktop notifications: not available here: " + failure.getMessage()));
  }

  /** The one way the console notifies the desktop: when the setting is on. */
  public void notifyDesktop(String title, String body) {
    if (desktopNotifications.get()) {
      notifier.show(title, body);
    }
  }

  private void show(SoundSettings settings) {
    volume.set(settings.volume());
    muted.set(settings.muted());
  }

  /** Writes the settings as they are now. */
  public void save() {
    SoundSettings settings = current();
    NotificationSettings notifications = new NotificationSettings(desktopNotifications.get());
    tasks.execute(() -> {
      settings.save(folder);
      notifications.save(folder);
      return settings;
    }, saved -> message.set(""), failure -> message.set("Settings not saved: " + failure.getMessage()));
  }

  public SoundSettings current() {
    return new SoundSettings(volume.get(), muted.get());
  }

  /** Plays the chime as the wall would (nothing when muted). */
  public void tryChime() {
    chime(current());
  }

  /** The one way the console chimes: at the set volume, unless muted. */
  public void chime(SoundSettings settings) {
    if (settings.audible()) {
      chime.play(settings.volume());
    }
  }

  public IntegerProperty volumeProperty() {
    return volume;
  }

  public BooleanProperty mutedProperty() {
    return muted;
  }

  /** Also show a desktop notification where the wall chimes. */
  public BooleanProperty desktopNotificationsProperty() {
    return desktopNotifications;
  }

  /** How notifications reach this desktop, once {@link #probeNotifications()} found out. */
  public ReadOnlyStringProperty notificationsHowProperty() {
    return notificationsHow.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
