package dev.baton.server.config;

import dev.baton.server.watch.FolderWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an edited configuration to the running receiver, or refuses it and keeps the running one:
 * on {@code POST /api/v1/admin/reload} and when the file changes. A new version is validated fully
 * first; only a valid one is handed to each part of the receiver (the writer takes it as a command on
 * its own thread), and the receiver never stops because of a bad edit.
 */
public final class ConfigReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
  static final Duration QUIET = Duration.ofMillis(300);
  static final Duration RESCAN = Duration.ofSeconds(2);

  /** One part of the receiver taking a new configuration; throws when it cannot (nothing after it runs). */
  public interface Step {
    void apply(BatonConfig next) throws Exception;
  }

  /** Why a valid configuration still cannot be applied to this receiver (empty: it can). */
  public interface Guard {
    List<String> refuse(BatonConfig running, BatonConfig next);
  }

  /**
   * What a check or a reload found.
   *
   * @param valid           the configuration has no problems
   * @param applied         it is now the running one
   * @param problems        each with its path in the file; empty when valid
   * @param restartRequired sections that changed but apply only at the next start
   */
  public record Outcome(boolean valid, boolean applied, List<String> problems, List<String> restartRequired) {

    public Outcome {
      problems = List.copyOf(problems);
      restartRequired = List.copyOf(restartRequired);
    }
  }

  private final ConfigSource source;
  private final LiveConfig live;
  private final Guard guard;
  private final List<Step> steps;
  /** Limits as the receiver started with them: they stay until the next start. */
  private final Limits startedWith;
  private final StreamConfig streamStartedWith;
  private FolderWatch watch;

  public ConfigReloader(ConfigSource source, LiveConfig live, Guard guard, List<Step> steps) {
    this.source = source;
    this.live = live;
    this.startedWith = live.get().limits();
    this.streamStartedWith = live.get().stream();
    this.guard = guard;
    this.steps = List.copyOf(steps);
  }

  public ConfigSource source() {
    return source;
  }

  /** Validates the file as it is on disk now, without applying it. */
  public Outcome checkFile() {
    try {
      return checked(source.load());
    } catch (ConfigException e) {
      return new Outcome(false, false, e.problems(), List.of());
    }
  }

  /** Validates {@code text} as if it were the file, without applying it. */
  public Outcome check(String text) {
    try {
      return checked(source.check(text, "posted configuration"));
    } catch (ConfigException e) {
      return new Outcome(false, false, e.problems(), List.of());
    }
  }

  /** Reads the file again and applies it when valid; the running configuration stays otherwise. */
  public synchronized Outcome reload() {
    BatonConfig next;
    try {
      next = source.load();
    } catch (ConfigException e) {
      LOG.warn(ConfigSource.lines("configuration " + source.describe() + " rejected, the running one stays:",
          e.problems()));
      return new Outcome(false, false, e.problems(), List.of());
    }
    BatonConfig running = live.get();
    List<String> refused = guard.refuse(running, next);
    if (!refused.isEmpty()) {
      LOG.warn(ConfigSource.lines("configuration " + source.describe() + " rejected, the running one stays:", refused));
      return new Outcome(false, false, refused, List.of());
    }
    for (Step step : steps) {
      try {
        step.apply(next);
      } catch (Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String what = cause instanceof TimeoutException ? "the writer is busy" : cause.getMessage();
        String why = "the receiver could not take the configuration now (" + what + "); retry";
        LOG.warn("configuration {} not applied: {}", source.describe(), why);
        return new Outcome(true, false, List.of(why), List.of());
      }
    }
    live.set(next);
    List<String> restart = restartRequired(next);
    LOG.info("configuration {} applied{}", source.describe(),
        restart.isEmpty() ? "" : "; changes to " + restart + " apply at the next start");
    return new Outcome(true, true, List.of(), restart);
  }

  /** Reloads whenever the file changes (edits, saves by rename, a checkout). No file: nothing to watch. */
  public synchronized void watchFile() {
    watchFile(QUIET, RESCAN);
  }

  synchronized void watchFile(Duration quiet, Duration rescan) {
    Path file = source.file();
    if (file == null || watch != null) {
      return;
    }
    watch = FolderWatch.start("config", new FolderWatch.Target() {
      @Override
      public String stamp() {
        try {
          return Files.getLastModifiedTime(file).toMillis() + "|" + Arrays.hashCode(Files.readAllBytes(file));
        } catch (IOException e) {
          return "unreadable: " + e.getMessage();
        }
      }

      @Override
      public List<Path> folders() {
        return List.of(file.getParent());
      }

      @Override
      public void changed() {
        reload();
      }
    }, quiet, rescan);
  }

  @Override
  public synchronized void close() {
    if (watch != null) {
      watch.close();
      watch = null;
    }
  }

  private Outcome checked(BatonConfig next) {
    BatonConfig running = live.get();
    List<String> refused = guard.refuse(running, next);
    return new Outcome(refused.isEmpty(), false, refused, refused.isEmpty() ? restartRequired(next) : List.of());
  }

  private List<String> restartRequired(BatonConfig next) {
    List<String> sections = new ArrayList<>();
    if (!startedWith.equals(next.limits())) {
      sections.add("limits");
    }
    if (!streamStartedWith.equals(next.stream())) {
      sections.add("stream");
    }
    return sections;
  }
}
