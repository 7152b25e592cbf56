package dev.baton.console.ui.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one 1 Hz clock behind every visible SLA timer. Timers subscribe while they show an incident
 * and unsubscribe when their cell is reused or emptied, so off-screen cards cost nothing. Reads
 * time from a {@link Clock}: tests pass a fake one and call {@link #tick()}.
 */
public final class SlaClock {

  private final Clock clock;
  private final List<Consumer<Instant>> subscribers = new CopyOnWriteArrayList<>();
  private Timeline timeline;

  public SlaClock(Clock clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Calls {@code timer} with the time now, then once a second until the returned handle is run. */
  public Runnable subscribe(Consumer<Instant> timer) {
    subscribers.add(timer);
    timer.accept(now());
    return () -> subscribers.remove(timer);
  }

  /** Timers currently subscribed: the cells on screen with an urgent incident. */
  public int subscribers() {
    return subscribers.size();
  }

  /** Tells every subscribed timer the time now. On the FX thread. */
  public void tick() {
    Instant now = now();
    for (Consumer<Instant> timer : subscribers) {
      timer.accept(now);
    }
  }

  /** Ticks once a second, aligned to the clock's second so every timer changes together. */
  public void start() {
    if (timeline != null) {
      return;
    }
    timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    timeline.setCycleCount(Timeline.INDEFINITE);
    timeline.setDelay(Duration.millis(1000 - now().toEpochMilli() % 1000));
    timeline.play();
  }

  public void stop() {
    if (timeline != null) {
      timeline.stop();
      timeline = null;
    }
  }
}
