package dev.baton.console.incident;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An incident source over a list held in memory, with changes pushed by the test. Like the
 * receiver's stream, a subscription starts with a {@link IncidentChange.Reload}.
 */
public final class ListIncidentSource implements IncidentSource {

  private final List<IncidentCard> cards;
  private final List<Consumer<IncidentChange>> listeners = new ArrayList<>();
  private IOException failure;
  private int loads;

  public ListIncidentSource(List<IncidentCard> cards) {
    this.cards = new ArrayList<>(cards);
  }

  public void failWith(IOException e) {
    failure = e;
  }

  @Override
  public List<IncidentCard> load() throws IOException {
    loads++;
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(cards);
  }

  @Override
  public AutoCloseable subscribe(Consumer<IncidentChange> changes) {
    listeners.add(changes);
    changes.accept(new IncidentChange.Reload());
    return () -> listeners.remove(changes);
  }

  /** How many times {@link #load()} was called. */
  public int loads() {
    return loads;
  }

  public int subscribers() {
    return listeners.size();
  }

  public void push(IncidentChange change) {
    listeners.forEach(l -> l.accept(change));
  }
}
