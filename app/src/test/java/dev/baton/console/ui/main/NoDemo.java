package dev.baton.console.ui.main;

import java.util.Optional;

/** A console without a demo stream, for tests that build the ViewModels themselves. */
final class NoDemo implements MainViewModel.Demo {

  @Override
  public void start() {
  }

  @Override
  public boolean running() {
    return false;
  }

  @Override
  public long sent() {
    return 0;
  }

  @Override
  public Optional<String> lastError() {
    return Optional.empty();
  }
}
