package dev.baton.console.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through {@code notify-send} (libnotify, on every Linux desktop that shows
 * notifications), started without a shell on a background thread. A failure is logged once.
 */
final class NotifySend implements DesktopNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(NotifySend.class);
  /** notify-send hands the message to the desktop and exits; one that hangs is not waited for. */
  private static final long WAIT_SECONDS = 10;

  private final Path program;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "baton-notify");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean warned;

  NotifySend(Path program) {
    this.program = program;
  }

  @Override
  public void show(String title, String body) {
    runner.execute(() -> {
      try {
        Process process = new ProcessBuilder(List.of(program.toString(), "--app-name=Baton", "--urgency=critical",
            title, body)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
          process.destroy();
          warnOnce("did not finish in " + WAIT_SECONDS + " s");
        } else if (process.exitValue() != 0) {
          warnOnce("exited with " + process.exitValue());
        }
      } catch (IOException | RuntimeException e) {
        warnOnce(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private void warnOnce(String what) {
    if (!warned) {
      warned = true;
      LOG.warn("desktop notification through {} failed ({}); later failures are not logged", program, what);
    }
  }

  @Override
  public String how() {
    return "through " + program;
  }
}
