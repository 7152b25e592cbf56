package dev.baton.server.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code onChange} on its own thread when files change. Changes are noticed through the
 * file system's watch service and, as a safety net for file systems without one (or a folder that
 * does not exist yet), by comparing a stamp of the files every {@code rescan}; a burst of changes
 * (a {@code git pull}, an editor's save-by-rename) is handled once, after {@code quiet} without
 * further events, and only when the stamp differs from the last one seen and has stayed the same
 * for {@code quiet} (so a file is not read while it is being written).
 */
public final class FolderWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

  /** What is watched and what to do when it changes. */
  public interface Target {
    /** A text that differs whenever the watched files differ (paths, sizes, times or contents). */
    String stamp();

    /** The folders whose entries to watch (a missing one is skipped until it appears). */
    List<Path> folders();

    /** Called on the watch thread after a change; may take its time. */
    void changed();
  }

  private final String name;
  private final Target target;
  private final Duration quiet;
  private final Duration rescan;
  private final Thread thread;
  private volatile boolean running = true;
  private WatchService service;
  private String stamp;

  private FolderWatch(String name, Target target, Duration quiet, Duration rescan) {
    this.name = name;
    this.target = target;
    this.quiet = quiet;
    this.rescan = rescan;
    this.thread = new Thread(this::run, "baton-watch-" + name);
    this.thread.setDaemon(true);
  }

  /** Starts watching; the files as they are now count as seen. */
  public static FolderWatch start(String name, Target target, Duration quiet, Duration rescan) {
    FolderWatch w = new FolderWatch(name, target, quiet, rescan);
    w.stamp = target.stamp();
    try {
      w.service = FileSystems.getDefault().newWatchService();
      w.register();
    } catch (IOException e) {
      LOG.warn("{}: no change notifications ({}); checking every {} s", name, e.getMessage(), rescan.toSeconds());
    }
    w.thread.start();
    return w;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        LOG.debug("{}: closing the watch: {}", name, e.toString());
      }
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      try {
        if (awaitEvent()) {
          settle();
        }
        String now = target.stamp();
        if (!now.equals(stamp) && running && steady(now)) {
          stamp = now;
          target.changed();
          register();
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException e) {
        // one failed reaction must never end the watch: the next change is handled again
        LOG.warn("{}: {}", name, e.toString());
      }
    }
  }

  /**
   * True when the files still look like {@code seen} after {@code quiet}: a file caught in the
   * middle of being written (truncated, half written) is read only once the writing is over.
   */
  private boolean steady(String seen) throws InterruptedException {
    Thread.sleep(quiet.toMillis());
    return target.stamp().equals(seen);
  }

  /** True when the watch service saw something before the rescan interval passed. */
  private boolean awaitEvent() throws InterruptedException {
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

  /** Watches every folder of the target (new ones too: called again after each change). */
  private void register() {
    if (service == null) {
      return;
    }
    for (Path dir : target.folders()) {
      try {
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      } catch (IOException | RuntimeException e) {
        // a missing folder: the rescan notices when it appears
        LOG.debug("{}: cannot watch {}: {}", name, dir, e.toString());
      }
    }
  }
}
