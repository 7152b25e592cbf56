package dev.baton.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the configuration comes from: a file (or none: the built-in defaults) and what command-line
 * flags put over it. Loading again after an edit gives the configuration the receiver should run
 * with now; flags keep winning.
 *
 * @param file             {@code baton.yml}, or null for the defaults
 * @param runbooksOverride {@code --runbooks}, or null
 */
public record ConfigSource(Path file, Path runbooksOverride) {

  public static final ConfigSource DEFAULTS = new ConfigSource(null, null);

  public ConfigSource {
    file = file == null ? null : file.toAbsolutePath().normalize();
    runbooksOverride = runbooksOverride == null ? null : runbooksOverride.toAbsolutePath().normalize();
  }

  public static ConfigSource of(Path file) {
    return new ConfigSource(file, null);
  }

  public ConfigSource withRunbooks(Path folder) {
    return new ConfigSource(file, folder);
  }

  /** The configuration as the file says now, with the flags over it. */
  public BatonConfig load() throws ConfigException {
    BatonConfig config = file == null ? BatonConfig.DEFAULT : ConfigLoader.load(file);
    return overridden(config);
  }

  /**
   * {@code text} as if it were the file (relative paths taken from the file's folder), with the
   * flags over it; nothing is applied.
   */
  public BatonConfig check(String text, String origin) throws ConfigException {
    Path dir = file == null ? Path.of("").toAbsolutePath() : file.getParent();
    return overridden(ConfigLoader.parse(text, origin, dir));
  }

  /** How the problems of a configuration are named in answers and logs. */
  public String describe() {
    return file == null ? "built-in defaults" : file.toString();
  }

  private BatonConfig overridden(BatonConfig config) {
    return runbooksOverride == null ? config : config.withRunbooks(runbooksOverride);
  }

  /** Problems as one text, for a log line or a startup message. */
  public static String lines(String title, List<String> problems) {
    StringBuilder m = new StringBuilder(title);
    problems.forEach(p -> m.append("\n  ").append(p.replace("\n", "\n    ")));
    return m.toString();
  }
}
