package dev.baton.console;

import dev.baton.console.ui.ConsoleApp;
import dev.baton.server.StartupException;
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
    ConsoleWiring wiring;
    try {
      wiring = ConsoleWiring.start(options);
    } catch (StartupException e) {
      System.err.println("baton-console: " + e.getMessage());
      System.exit(e.reason().exitCode());
      return;
    }
    if (options.demo()) {
      wiring.startDemo();
    }
    try {
      ConsoleApp.launch(wiring, options.wall());
    } catch (RuntimeException e) {
      // JavaFX cannot start: no display, no GTK, no fonts. Say so in one line, not a stack trace.
      System.err.println("baton-console: cannot open a window: " + rootMessage(e)
          + " (run it in a desktop session; the receiver alone runs without one: ./baton server)");
      wiring.close();
      System.exit(1);
    }
    wiring.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
