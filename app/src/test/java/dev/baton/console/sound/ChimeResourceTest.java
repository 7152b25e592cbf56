package dev.baton.console.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** The bundled chime is a short PCM WAV that Java Sound reads (no audio device needed to check that). */
class ChimeResourceTest {

  @Test
  void isAShortMonoPcmWav() throws Exception {
    try (AudioInputStream audio = AudioSystem.getAudioInputStream(
        new BufferedInputStream(ClipChime.class.getResourceAsStream("chime.wav")))) {
      AudioFormat format = audio.getFormat();
      assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
      assertEquals(1, format.getChannels());
      double seconds = audio.getFrameLength() / format.getFrameRate();
      assertTrue(seconds > 0.3 && seconds < 1.0, seconds + " s");
    }
  }

  @Test
  void mutedOrZeroVolumeNeverReachesTheDevice() {
    new ClipChime().play(0); // returns at once: nothing queued, nothing logged
    assertTrue(new SoundSettings(0, false).audible() == false && new SoundSettings(50, true).audible() == false);
    assertEquals(100, new SoundSettings(250, false).volume());
  }
}
