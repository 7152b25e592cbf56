package dev.baton.server.config;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The configuration the receiver runs with now, for the parts that read it per request (tokens,
 * sources, the status page). The writer gets its copy as a command on its own thread; this one is
 * set after the writer has taken it.
 */
public final class LiveConfig implements Supplier<BatonConfig> {

  private volatile BatonConfig current;

  public LiveConfig(BatonConfig initial) {
    this.current = Objects.requireNonNull(initial, "initial");
  }

  @Override
  public BatonConfig get() {
    return current;
  }

  void set(BatonConfig next) {
    current = Objects.requireNonNull(next, "next");
  }
}
