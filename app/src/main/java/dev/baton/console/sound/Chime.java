package dev.baton.console.sound;

/** Something that plays the alert chime at a volume 0..100; it never throws (no audio device: silence). */
@FunctionalInterface
public interface Chime {
  void play(int volume);
}
