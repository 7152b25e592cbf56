package dev.baton.console.sound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.FloatControl;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the bundled {@code chime.wav} (synthesised by {@code app/tools/make-chime.py}) through
 * Java Sound on a background thread. A machine without an audio device stays silent and says so
 * in the log once.
 */
public final class ClipChime implements Chime, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClipChime.class);
  private static final String RESOURCE = "chime.wav";

  private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "baton-chime");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean warned;

  @Override
  public void play(int volume) {
    if (volume <= 0) {
      return;
    }
    player.execute(() -> {
      try (InputStream raw = ClipChime.class.getResourceAsStream(RESOURCE);
          AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
        Clip clip = AudioSystem.getClip();
        clip.open(audio);
        if (clip.isControlSupported(FloatControl.Type.MASTER_GAIN)) {
          FloatControl gain = (FloatControl) clip.getControl(FloatControl.Type.MASTER_GAIN);
          float db = (float) (20 * Math.log10(volume / 100.0));
          gain.setValue(Math.max(gain.getMinimum(), Math.min(gain.getMaximum(), db)));
        }
        clip.addLineListener(event -> {
          if (event.getType() == javax.sound.sampled.LineEvent.Type.STOP) {
            clip.close();
          }
        });
        clip.start();
      } catch (IOException | UnsupportedAudioFileException | LineUnavailableException | RuntimeException e) {
        if (!warned) {
          warned = true;
          LOG.warn("cannot play the alert chime ({}); the wall stays silent", e.getMessage());
        }
      }
    });
  }

  @Override
  public void close() {
    player.shutdownNow();
  }
}
