package dev.baton.console.ui.sla;

import dev.baton.console.incident.Sla;
import dev.baton.console.sla.Countdown;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.Instant;

/**
 * The card's SLA cell: the live countdown of an urgent incident, or its class. Listens to the
 * shared {@link SlaClock} only while it {@link #show shows} an urgent incident. The phase is a
 * pseudo-class of the box, so a phase change restyles the timer alone, never its card; async and
 * retro use another font, so a phase is a width class of its own.
 */
public final class SlaTimer extends TickingText {

  private final SlaClock clock;
  private Runnable unsubscribe;
  private Sla sla;
  private Countdown.Phase phase;

  public SlaTimer(SlaClock clock) {
    this.clock = clock;
    getStyleClass().add(BatonStyle.SLA);
  }

  public void show(Sla newSla) {
    clear();
    sla = newSla;
    if (newSla.urgent()) {
      unsubscribe = clock.subscribe(this::update);
    } else {
      update(clock.now());
    }
  }

  /** Stops listening to the clock: the cell no longer shows an incident. */
  public void clear() {
    if (unsubscribe != null) {
      unsubscribe.run();
      unsubscribe = null;
    }
    sla = null;
    setText("", 7);
  }

  public Countdown.Phase phase() {
    return phase;
  }

  private void update(Instant now) {
    Countdown.Reading reading = Countdown.read(sla, now);
    if (reading.phase() != phase) {
      if (phase != null) {
        pseudoClassStateChanged(BatonStyle.sla(phase), false);
      }
      phase = reading.phase();
      pseudoClassStateChanged(BatonStyle.sla(phase), true);
    }
    setText(reading.text(), phase.ordinal());
  }
}
