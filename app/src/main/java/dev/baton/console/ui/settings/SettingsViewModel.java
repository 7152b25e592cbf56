package dev.baton.console.ui.settings;

import dev.baton.console.config.ConfigFolder;
import dev.baton.console.sound.Chime;
import dev.baton.console.sound.SoundSettings;
import dev.baton.console.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** Settings: the wall's chime volume and mute, kept per user; a broken file is reported, defaults used. */
public final class SettingsViewModel {

  private final ConfigFolder folder;
  private final TaskExecutor tasks;
  private final Chime chime;
  private final IntegerProperty volume = new SimpleIntegerProperty(SoundSettings.DEFAULT.volume());
  private final BooleanProperty muted = new SimpleBooleanProperty(SoundSettings.DEFAULT.muted());
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  public SettingsViewModel(ConfigFolder folder, TaskExecutor tasks, Chime chime) {
    this.folder = folder;
    this.tasks = tasks;
    this.chime = chime;
  }

  /** Reads the saved settings off the UI thread. */
  public void load() {
    tasks.execute(() -> SoundSettings.load(folder), loaded -> {
      show(loaded.value());
      message.set(loaded.problem().map(p -> "Sound settings not loaded: " + p).orElse(""));
    }, failure -> message.set("Sound settings not loaded: " + failure.getMessage()));
  }

  private void show(SoundSettings settings) {
    volume.set(settings.volume());
    muted.set(settings.muted());
  }

  /** Writes the settings as they are now. */
  public void save() {
    SoundSettings settings = current();
    tasks.execute(() -> {
      settings.save(folder);
      return settings;
    }, saved -> message.set(""), failure -> message.set("Sound settings not saved: " + failure.getMessage()));
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

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
