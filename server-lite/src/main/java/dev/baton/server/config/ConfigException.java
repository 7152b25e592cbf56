package dev.baton.server.config;

import java.util.List;

/** A configuration that cannot be used, with every problem located by its path in the file. */
public final class ConfigException extends Exception {

  private final List<String> problems;

  public ConfigException(String origin, List<String> problems) {
    super(origin + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each as {@code path.in.file: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
