package dev.baton.console;

import dev.baton.console.ui.ConsoleApp;
import dev.baton.server.StartupException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;

/**
 * The console's entry point (Main-Class of the shaded jar). Parses flags, starts what the console
 * talks to, then hands over to JavaFX. It does not extend Application, which lets a plain
 * {@code java -jar} start JavaFX from the classpath.
 */
public final class Launcher {

  private Launcher() {
  }

  public static void main(String[] args) {
    ConsoleOptions options = new ConsoleOptions();
    CommandLine command = new CommandLine(options);
    try {
      command.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      command.usage(System.err);
      System.exit(2);
      return;
    }
    if (command.isUsageHelpRequested()) {
      command.usage(System.out);
      return;
    }
    if (command.isVersionHelpRequested()) {
      command.printVersionHelp(System.out);
      return;
    }
    // The receiver starts (or is asked who the token is) while JavaFX starts: neither waits for the other.
    CompletableFuture<ConsoleWiring> wiring = CompletableFuture.supplyAsync(() -> {
      try {
        ConsoleWiring started = ConsoleWiring.start(options);
        if (options.demo()) {
          started.startDemo();
        }
        return started;
      } catch (StartupException e) {
        throw new CompletionException(e);
      }
    }, Launcher::daemon);
    Optional<StartupException> failed;
    try {
      failed = ConsoleApp.launch(wiring, options.server() != null ? "Connecting to " + options.server() + "…"
          : "Starting Baton…", options.wall());
    } catch (RuntimeException e) {
      // JavaFX cannot start: no display, no GTK, no fonts. Say so in one line, not a stack trace.
      System.err.println("baton-console: cannot open a window: " + rootMessage(e)
          + " (run it in a desktop session; the receiver alone runs without one: ./baton server)");
      wiring.thenAccept(ConsoleWiring::close);
      System.exit(1);
      return;
    }
    if (failed.isPresent()) {
      System.err.println("baton-console: " + failed.get().getMessage());
      System.exit(failed.get().reason().exitCode());
      return;
    }
    wiring.thenAccept(ConsoleWiring::close);
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "baton-console-start");
    thread.setDaemon(true);
    thread.start();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
