package dev.baton.console;

import dev.baton.console.ui.ConsoleApp;
import dev.baton.console.ui.FileDialogs;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import dev.baton.console.ui.main.MainView;
import dev.baton.console.ui.sla.SlaClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/** The console's real window over a real receiver, built as the application builds it (call on the FX thread). */
public final class LiveConsole implements AutoCloseable {

  public final ConsoleWiring wiring;
  public final MainView window;
  /** The window's SLA clock (not started: tests tick it). */
  public final SlaClock clock = new SlaClock(Clock.systemUTC());
  private final FxTaskExecutor tasks = new FxTaskExecutor(2);

  public LiveConsole(Stage stage, Path configDir, String... args) throws Exception {
    this(stage, configDir, FileDialogs.NATIVE, args);
  }

  /** With {@code files} answering the console's file choosers (they cannot open under Monocle). */
  public LiveConsole(Stage stage, Path configDir, FileDialogs files, String... args) throws Exception {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config-dir";
    all[args.length + 1] = configDir.toString();
    ConsoleOptions options = new ConsoleOptions();
    new CommandLine(options).parseArgs(all);
    wiring = ConsoleWiring.start(options);
    window = ConsoleApp.open(wiring, stage, tasks, clock, ZoneOffset.UTC, url -> { }, files);
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(800);
  }

  /** Waits up to 40 s (a loaded machine, a receiver backing off) for {@code condition}. */
  public static void await(String what, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("waited 40 s for " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Override
  public void close() throws Exception {
    window.model().list().close();
    tasks.close();
    wiring.close();
  }
}
