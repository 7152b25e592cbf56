package dev.baton.console.ui.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import dev.baton.console.LiveConsole;
import dev.baton.console.ui.FxTestSupport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real clock, started as the console starts it: a tick a second on the FX thread, and no pulses between. */
@ExtendWith(ApplicationExtension.class)
class SlaClockFxTest {

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new StackPane(), 200, 100));
    stage.show();
  }

  @Test
  void ticksOnTheFxThreadOnceASecondWithoutKeepingTheToolkitPulsing() throws Exception {
    SlaClock clock = new SlaClock(Clock.systemUTC());
    List<Instant> ticks = new CopyOnWriteArrayList<>();
    List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
    AtomicInteger pulses = new AtomicInteger();
    // Held here: the toolkit keeps its pulse listeners weakly.
    TKPulseListener counter = pulses::incrementAndGet;
    FxTestSupport.onFx(() -> {
      Toolkit.getToolkit().addPostSceneTkPulseListener(counter);
      clock.subscribe(now -> {
        ticks.add(now);
        onFxThread.add(Platform.isFxApplicationThread());
      });
      clock.start();
    });
    try {
      int subscribed = ticks.size(); // subscribing tells the timer the time at once
      LiveConsole.await("three ticks of the clock", () -> ticks.size() >= subscribed + 3);
      assertTrue(onFxThread.stream().allMatch(b -> b), "every tick on the FX thread");
      List<Instant> started = ticks.subList(subscribed, ticks.size());
      for (int i = 1; i < started.size(); i++) {
        long apart = started.get(i).toEpochMilli() / 1000 - started.get(i - 1).toEpochMilli() / 1000;
        assertTrue(apart >= 1, "each tick reads a later second of the clock: " + started);
      }
      // A Timeline running for the clock would keep the toolkit pulsing 60 times a second; here
      // nothing changes on screen between ticks, so the toolkit rests (a pulse per tick at most,
      // a few more on a busy machine).
      int before = pulses.get();
      Thread.sleep(2_000);
      int during = pulses.get() - before;
      assertTrue(during < 20, during + " pulses in 2 s with nothing to draw");
    } finally {
      FxTestSupport.onFx(() -> {
        clock.stop();
        Toolkit.getToolkit().removePostSceneTkPulseListener(counter);
      });
    }
    int stoppedAt = ticks.size();
    Thread.sleep(1_500);
    assertEquals(stoppedAt, ticks.size(), "no tick after stop()");
  }
}
