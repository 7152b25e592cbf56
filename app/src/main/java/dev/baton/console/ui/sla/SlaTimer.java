package dev.baton.console.ui.sla;

import dev.baton.console.incident.Sla;
import dev.baton.console.sla.Countdown;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.Instant;
import javafx.scene.control.Label;

/**
 * The card's SLA cell: the live countdown of an urgent incident, or its class. Listens to the
 * shared {@link SlaClock} only while it {@link #show shows} an urgent incident.
 */
public final class SlaTimer extends Label {

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
    setText("");
  }

  public Countdown.Phase phase() {
    return phase;
  }

  private void update(Instant now) {
    Countdown.Reading reading = Countdown.read(sla, now);
    setText(reading.text());
    if (reading.phase() != phase) {
      if (phase != null) {
        getStyleClass().remove(BatonStyle.sla(phase));
      }
      phase = reading.phase();
      getStyleClass().add(BatonStyle.sla(phase));
    }
  }
}
