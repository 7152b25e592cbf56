package dev.baton.server.runbook;

import dev.baton.server.watch.FolderWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live runbook library: reads the folder at start and again whenever its files change (a
 * {@link FolderWatch} over the folder and its sub-folders), on its own thread, never the writer's.
 * Readers always see a whole library, the old one until the new one is complete.
 */
public final class Runbooks implements Supplier<RunbookLibrary>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Runbooks.class);
  static final Duration QUIET = Duration.ofMillis(300);
  static final Duration RESCAN = Duration.ofSeconds(5);

  private final Clock clock;
  private final Duration quiet;
  private final Duration rescan;
  private volatile RunbookLibrary current;
  private Path followed;
  private FolderWatch watch;

  Runbooks(Clock clock, Duration quiet, Duration rescan) {
    this.clock = clock;
    this.quiet = quiet;
    this.rescan = rescan;
    this.current = RunbookLibrary.none(clock.instant());
  }

  /** Reads {@code folder} (none when null) and follows its changes. */
  public static Runbooks start(Path folder, Clock clock) {
    Runbooks runbooks = new Runbooks(clock, QUIET, RESCAN);
    runbooks.follow(folder);
    return runbooks;
  }

  /** The library as last read. */
  @Override
  public RunbookLibrary get() {
    return current;
  }

  /**
   * Reads another folder (a reloaded configuration named a new one) and follows it instead; the
   * same folder keeps its watch. Null: no runbooks.
   */
  public synchronized void follow(Path folder) {
    Path absolute = folder == null ? null : folder.toAbsolutePath().normalize();
    if (watch != null && Objects.equals(followed, absolute)) {
      return;
    }
    close();
    followed = absolute;
    if (absolute == null) {
      current = RunbookLibrary.none(clock.instant());
      return;
    }
    publish(RunbookFolder.read(absolute, clock));
    watch = FolderWatch.start("runbooks", new FolderWatch.Target() {
      @Override
      public String stamp() {
        return RunbookFolder.stamp(absolute);
      }

      @Override
      public List<Path> folders() {
        try {
          return RunbookFolder.folders(absolute);
        } catch (IOException | UncheckedIOException e) {
          return List.of(absolute); // reported in the library; watched again once it is readable
        }
      }

      @Override
      public void changed() {
        publish(RunbookFolder.read(absolute, clock));
      }
    }, quiet, rescan);
  }

  @Override
  public synchronized void close() {
    if (watch != null) {
      watch.close();
      watch = null;
    }
    followed = null;
  }

  private void publish(RunbookLibrary library) {
    current = library;
    LOG.info("runbooks: {} read from {}, {} files skipped", library.runbooks().size(), library.folder(),
        library.problems().size());
    library.problems().forEach(p -> LOG.warn("runbook skipped: {}", p));
  }
}
