package dev.baton.console.notify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How desktop notifications are shown, and that neither choosing nor showing ever throws. */
class DesktopNotifiersTest {

  @TempDir
  Path dir;

  /** A desktop described by the test (a tray cannot be had here); {@code tray} may throw. */
  private static DesktopNotifiers.Desktop desktop(boolean headless, Supplier<Boolean> tray, Path notifySend) {
    return new DesktopNotifiers.Desktop() {
      @Override
      public boolean headless() {
        return headless;
      }

      @Override
      public boolean traySupported() {
        return tray.get();
      }

      @Override
      public Optional<Path> onPath(String program) {
        return Optional.ofNullable(notifySend);
      }
    };
  }

  private static Supplier<Boolean> notAsked() {
    return () -> {
      throw new AssertionError("a headless JVM must not ask AWT about its tray");
    };
  }

  @Test
  void theTrayWhereADisplayHasOne() {
    DesktopNotifier chosen = DesktopNotifiers.choose(desktop(false, () -> true, Path.of("/usr/bin/notify-send")));
    assertInstanceOf(TrayNotifier.class, chosen);
    assertEquals("through the system tray", chosen.how());
  }

  @Test
  void notifySendWithoutATrayOrWithoutADisplay() {
    Path program = Path.of("/usr/bin/notify-send");
    assertEquals("through /usr/bin/notify-send", DesktopNotifiers.choose(desktop(false, () -> false, program)).how());
    assertEquals("through /usr/bin/notify-send", DesktopNotifiers.choose(desktop(true, notAsked(), program)).how());
  }

  @Test
  void aTrayThatFailsToAnswerCountsAsNone() {
    Path program = Path.of("/usr/bin/notify-send");
    assertEquals("through /usr/bin/notify-send", DesktopNotifiers.choose(desktop(false, () -> {
      throw new UnsatisfiedLinkError("libawt_xawt.so: cannot open shared object file");
    }, program)).how());
    assertEquals("through /usr/bin/notify-send", DesktopNotifiers.choose(desktop(false, () -> {
      throw new IllegalStateException("no X11");
    }, program)).how());
  }

  @Test
  void neitherMeansNoneAndShowingDoesNothing() {
    DesktopNotifier chosen = DesktopNotifiers.choose(desktop(true, notAsked(), null));
    assertEquals("not available here: no system tray (no display) and no notify-send (Debian package libnotify-bin)",
        chosen.how());
    assertDoesNotThrow(() -> chosen.show("New S1 incident #1", "#1 S1 payments: down"));
  }

  @Test
  void thisJvmChoosesWithoutThrowing() {
    // The tests run with java.awt.headless=true: the tray is not asked about; notify-send or none.
    DesktopNotifier chosen = assertDoesNotThrow(() -> DesktopNotifiers.choose(DesktopNotifiers.of(System.getenv())));
    assertTrue(chosen.how().startsWith("through ") && chosen.how().endsWith("notify-send")
        || chosen.how().startsWith("not available here"), chosen.how());
  }

  /** A notify-send on the PATH that writes its arguments to a file, as the real one would hand them to the desktop. */
  private Path fakeNotifySend(String script) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path program = bin.resolve("notify-send");
    Files.writeString(program, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void notifySendIsFoundOnThePathAndGetsTitleAndBodyAsArguments() throws Exception {
    Path out = dir.resolve("args.txt");
    Path bin = fakeNotifySend("for a in \"$@\"; do echo \"$a\"; done > '" + out + "'");
    DesktopNotifiers.Desktop real = DesktopNotifiers.of(Map.of("PATH", "/nonexistent:" + bin));
    DesktopNotifier chosen = DesktopNotifiers.choose(desktop(true, notAsked(), real.onPath("notify-send").orElse(null)));
    assertEquals("through " + bin.resolve("notify-send"), chosen.how());

    chosen.show("Overdue: #7", "#7 S2 payments: \"quotes\" & $dollars; `ticks`");
    long until = System.nanoTime() + 30_000_000_000L;
    while (!(Files.exists(out) && Files.readAllLines(out).size() == 4) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertEquals(List.of("--app-name=Baton", "--urgency=critical", "Overdue: #7",
        "#7 S2 payments: \"quotes\" & $dollars; `ticks`"), Files.readAllLines(out), "no shell in between");
  }

  @Test
  void aFailingOrVanishedNotifySendDoesNotThrow() throws Exception {
    Path bin = fakeNotifySend("exit 3");
    DesktopNotifier failing = DesktopNotifiers.choose(desktop(true, notAsked(), bin.resolve("notify-send")));
    assertDoesNotThrow(() -> failing.show("t", "b"));
    DesktopNotifier vanished = DesktopNotifiers.choose(desktop(true, notAsked(), dir.resolve("gone/notify-send")));
    assertDoesNotThrow(() -> vanished.show("t", "b"));
    Thread.sleep(500); // both ran on their own thread and logged; nothing reaches the caller
  }

  @Test
  void theLazyNotifierChoosesOnceOffTheCallersThread() throws Exception {
    int[] probes = new int[1];
    DesktopNotifier lazy = DesktopNotifiers.lazy(desktop(false, () -> {
      probes[0]++;
      return false;
    }, null));
    assertEquals(0, probes[0], "nothing asked before first use");
    lazy.show("a", "b");
    lazy.show("c", "d");
    assertTrue(lazy.how().startsWith("not available here"));
    assertEquals(1, probes[0]);
  }
}
