package dev.baton.console.incident;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the incident list gets its cards: the seam between the console and the receiver's console
 * API. {@link #load()} blocks (it runs off the UI thread); changes arrive on any thread. A list
 * subscribes first and loads when told to: the first change, once the source is connected, is
 * {@link IncidentChange.Reload}.
 */
public interface IncidentSource {

  /** Every incident the console should hold (open ones plus recently closed ones). */
  List<IncidentCard> load() throws IOException;

  /**
   * Starts delivering changes; closing the handle stops them. The first is {@link
   * IncidentChange.Reload} once the source is connected (or {@link IncidentChange.Disconnected}):
   * every change after it is delivered, so a {@link #load()} made then misses nothing.
   */
  AutoCloseable subscribe(Consumer<IncidentChange> changes);
}
