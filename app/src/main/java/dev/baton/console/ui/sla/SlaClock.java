package dev.baton.console.ui.sla;

import dev.baton.console.ui.fxthread.FxThread;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The one 1 Hz clock behind every visible SLA timer. Timers subscribe while they show an incident
 * and unsubscribe when their cell is reused or emptied, so off-screen cards cost nothing. Reads
 * time from a {@link Clock}: tests pass a fake one and call {@link #tick()}.
 */
public final class SlaClock {

  private final Clock clock;
  private final List<Consumer<Instant>> subscribers = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService ticker;
  /** Ticks at the start of the next pulse, then stops: the tick's changes are laid out in that same pulse. */
  private AnimationTimer onNextPulse;

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

  /**
   * Ticks once a second, aligned to the clock's second so every timer changes together. Not a
   * JavaFX {@code Timeline}: a running animation keeps the toolkit pulsing 60 times a second, all
   * shift long, for a change once a second. A timer thread asks for one pulse a second instead,
   * and the tick runs at its start. On the FX thread.
   */
  public void start() {
    if (ticker != null) {
      return;
    }
    AnimationTimer pulse = new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        tick();
      }
    };
    onNextPulse = pulse;
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "baton-sla-clock");
      t.setDaemon(true);
      return t;
    });
    scheduleNext(ticker, pulse);
  }

  /** On the FX thread. */
  public void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
      onNextPulse.stop();
      onNextPulse = null;
    }
  }

  /**
   * The next tick just after the clock's next second, so the ticks do not drift from it (a few
   * milliseconds after: a timer that wakes a little early still reads the new second).
   */
  private void scheduleNext(ScheduledExecutorService on, AnimationTimer pulse) {
    if (on.isShutdown()) {
      return;
    }
    long wait = 1000 - now().toEpochMilli() % 1000 + 5;
    on.schedule(() -> {
      FxThread.run(() -> {
        if (ticker == on) { // not stopped meanwhile
          pulse.start();
        }
      });
      scheduleNext(on, pulse);
    }, wait, TimeUnit.MILLISECONDS);
  }
}
