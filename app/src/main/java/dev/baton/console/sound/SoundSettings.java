package dev.baton.console.sound;

import dev.baton.console.config.ConfigFolder;
import java.io.IOException;

/**
 * The wall's sound: volume 0..100 and mute, kept in {@code sound.json} of the user's config folder.
 *
 * @param volume 0 (silent) .. 100 (the chime as recorded)
 */
public record SoundSettings(int volume, boolean muted) {

  public static final SoundSettings DEFAULT = new SoundSettings(70, false);
  static final String FILE = "sound.json";

  public SoundSettings {
    volume = Math.max(0, Math.min(100, volume));
  }

  /** Audible at all. */
  public boolean audible() {
    return !muted && volume > 0;
  }

  public static ConfigFolder.Loaded<SoundSettings> load(ConfigFolder folder) {
    return folder.read(FILE, SoundSettings.class, DEFAULT);
  }

  public void save(ConfigFolder folder) throws IOException {
    folder.write(FILE, this);
  }
}
