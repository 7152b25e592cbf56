package dev.baton.server.runbook;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live runbook library: reads the folder at start and again whenever its files change, on its
 * own thread (never the writer's). Changes are noticed through the file system's watch service and,
 * as a safety net for file systems without one, by comparing the files' sizes and times every
 * {@code rescan}; a burst of changes (a {@code git pull}) is read once, after {@code quiet} without
 * further events. Readers always see a whole library, the old one until the new one is complete.
 */
public final class Runbooks implements Supplier<RunbookLibrary>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Runbooks.class);
  static final Duration QUIET = Duration.ofMillis(300);
  static final Duration RESCAN = Duration.ofSeconds(5);

  private final Clock clock;
  private final Duration quiet;
  private final Duration rescan;
  private volatile RunbookLibrary current;
  private Watch watch;

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
    if (watch != null && Objects.equals(watch.folder, absolute)) {
      return;
    }
    if (watch != null) {
      watch.stop();
      watch = null;
    }
    if (absolute == null) {
      current = RunbookLibrary.none(clock.instant());
      return;
    }
    publish(RunbookFolder.read(absolute, clock));
    watch = new Watch(absolute, RunbookFolder.stamp(absolute));
    watch.start();
  }

  @Override
  public synchronized void close() {
    if (watch != null) {
      watch.stop();
      watch = null;
    }
  }

  private void publish(RunbookLibrary library) {
    current = library;
    LOG.info("runbooks: {} read from {}, {} files skipped", library.runbooks().size(), library.folder(),
        library.problems().size());
    library.problems().forEach(p -> LOG.warn("runbook skipped: {}", p));
  }

  /** One followed folder and the thread that follows it. */
  private final class Watch implements Runnable {
    final Path folder;
    private final Thread thread;
    private String stamp;
    private volatile boolean running = true;
    private WatchService service;

    Watch(Path folder, String stamp) {
      this.folder = folder;
      this.stamp = stamp;
      this.thread = new Thread(this, "baton-runbooks");
      this.thread.setDaemon(true);
    }

    void start() {
      try {
        service = FileSystems.getDefault().newWatchService();
        register();
      } catch (IOException e) {
        LOG.warn("runbooks folder {}: no change notifications ({}); checking every {} s", folder, e.getMessage(),
            rescan.toSeconds());
      }
      thread.start();
    }

    void stop() {
      running = false;
      thread.interrupt();
      closeService();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      while (running) {
        try {
          if (awaitChange()) {
            settle();
          }
          String now = RunbookFolder.stamp(folder);
          if (!now.equals(stamp) && running) {
            stamp = now;
            publish(RunbookFolder.read(folder, clock));
            register();
          }
        } catch (InterruptedException | ClosedWatchServiceException e) {
          return;
        } catch (RuntimeException e) {
          // a reload must never end the watch: the next change is read again
          LOG.warn("runbooks folder {}: {}", folder, e.toString());
        }
      }
    }

    /** True when the watch service saw something before the rescan interval passed. */
    private boolean awaitChange() throws InterruptedException {
      if (service == null) {
        Thread.sleep(rescan.toMillis());
        return false;
      }
      WatchKey key = service.poll(rescan.toMillis(), TimeUnit.MILLISECONDS);
      if (key == null) {
        return false;
      }
      key.pollEvents();
      key.reset();
      return true;
    }

    /** Waits until no event has arrived for {@code quiet}. */
    private void settle() throws InterruptedException {
      WatchKey key;
      while ((key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        key.pollEvents();
        key.reset();
      }
    }

    /** Watches the folder and every folder below it (new ones too, after each read). */
    private void register() {
      if (service == null) {
        return;
      }
      try {
        for (Path dir : RunbookFolder.folders(folder)) {
          dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
              StandardWatchEventKinds.ENTRY_MODIFY);
        }
      } catch (IOException | RuntimeException e) {
        // a missing folder is reported in the library; the rescan notices when it appears
        LOG.debug("runbooks folder {}: cannot watch: {}", folder, e.toString());
      }
    }

    private void closeService() {
      if (service != null) {
        try {
          service.close();
        } catch (IOException e) {
          LOG.debug("closing the runbooks watch: {}", e.toString());
        }
      }
    }
  }
}
