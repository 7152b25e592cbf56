package dev.baton.console.notify;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Chooses how desktop notifications are shown: the JDK's system tray where it works (a display,
 * and a tray on it), else {@code notify-send} when it is installed, else none. Probing never
 * throws: a headless JVM is not asked about its tray, and a tray that fails to answer counts as
 * none.
 */
public final class DesktopNotifiers {

  /** What the choice depends on; {@link #of(Map)} asks the JVM and the {@code PATH}. */
  public interface Desktop {
    /** No display for AWT (then the tray is not asked about). */
    boolean headless();

    /** A system tray on the display; may throw (a broken AWT), which counts as none. */
    boolean traySupported();

    /** {@code program} as found on the {@code PATH}. */
    Optional<Path> onPath(String program);
  }

  private DesktopNotifiers() {
  }

  /** The desktop this JVM runs on, with {@code env}'s {@code PATH}. */
  public static Desktop of(Map<String, String> env) {
    return new Desktop() {
      @Override
      public boolean headless() {
        return GraphicsEnvironment.isHeadless();
      }

      @Override
      public boolean traySupported() {
        return SystemTray.isSupported();
      }

      @Override
      public Optional<Path> onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
          if (dir.isEmpty()) {
            continue;
          }
          Path candidate = Path.of(dir, program);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
        return Optional.empty();
      }
    };
  }

  /** The notifier for {@code desktop}. */
  public static DesktopNotifier choose(Desktop desktop) {
    if (!desktop.headless() && tray(desktop)) {
      return new TrayNotifier();
    }
    Optional<Path> notifySend;
    try {
      notifySend = desktop.onPath("notify-send");
    } catch (RuntimeException e) {
      notifySend = Optional.empty();
    }
    return notifySend.<DesktopNotifier>map(NotifySend::new)
        .orElseGet(() -> DesktopNotifier.none("no system tray" + (desktop.headless() ? " (no display)" : "")
            + " and no notify-send (Debian package libnotify-bin)"));
  }

  private static boolean tray(Desktop desktop) {
    try {
      return desktop.traySupported();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * A notifier that chooses on first use, on its own thread: probing the tray starts AWT, which
   * neither the UI thread nor a console that never notifies should pay for.
   */
  public static DesktopNotifier lazy(Desktop desktop) {
    ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "baton-notify-choice");
      t.setDaemon(true);
      return t;
    });
    return new DesktopNotifier() {
      private DesktopNotifier chosen;

      private synchronized DesktopNotifier chosen() {
        if (chosen == null) {
          chosen = choose(desktop);
        }
        return chosen;
      }

      @Override
      public void show(String title, String body) {
        probe.execute(() -> chosen().show(title, body));
      }

      /** Blocks while the first choice is made: call it off the UI thread. */
      @Override
      public String how() {
        return chosen().how();
      }
    };
  }
}
