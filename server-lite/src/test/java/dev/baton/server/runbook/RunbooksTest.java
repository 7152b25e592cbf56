package dev.baton.server.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live library over a real folder: changes are picked up, bad files reported and skipped. */
class RunbooksTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  static String runbook(String title, String mql, int priority) {
    return "---\ntitle: " + title + "\nmql: " + mql + "\npriority: " + priority + "\n---\nDo the thing.\n";
  }

  @Test
  void readsTheFolderInPriorityOrderSkippingReadmesHiddenFoldersAndBadFiles() throws Exception {
    Files.writeString(dir.resolve("b.md"), runbook("Second", "project = a", 5));
    Files.createDirectories(dir.resolve("team/db"));
    Files.writeString(dir.resolve("team/db/a.md"), runbook("First", "project = a", 1));
    Files.writeString(dir.resolve("README.md"), "# not a runbook");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.md"), "not a runbook either");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    Files.writeString(dir.resolve("broken.md"), "---\ntitle: Broken\nmql: severity <= S0\n---\n");
    RunbookLibrary l = RunbookFolder.read(dir, Clock.systemUTC());
    assertEquals(List.of("team/db/a.md", "b.md"), l.runbooks().stream().map(Runbook::path).toList());
    assertEquals(1, l.problems().size(), l.problems().toString());
    assertEquals("broken.md", l.problems().get(0).path());
    assertEquals(3, l.problems().get(0).line());
    assertTrue(l.problems().get(0).message().contains("expected a severity S1..S9"), l.problems().toString());
  }

  @Test
  void aMissingFolderOrAnUnreadableFileIsAProblemNotAFailure() throws Exception {
    RunbookLibrary missing = RunbookFolder.read(dir.resolve("nope"), Clock.systemUTC());
    assertEquals(List.of(), missing.runbooks());
    assertEquals("the runbooks folder does not exist or is not a folder", missing.problems().get(0).message());
    Files.write(dir.resolve("latin1.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xE9, '\n'});
    RunbookLibrary l = RunbookFolder.read(dir, Clock.systemUTC());
    assertEquals(List.of(new RunbookProblem("latin1.md", 0, "not UTF-8 text")), l.problems());
  }

  @Test
  void followsChangesToFilesAndFolders() throws Exception {
    Files.writeString(dir.resolve("disk.md"), runbook("Disk", "trigger = DiskFull", 10));
    try (Runbooks runbooks = new Runbooks(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofSeconds(2))) {
      runbooks.follow(dir);
      assertEquals(List.of("Disk"), titles(runbooks.get()));

      Files.writeString(dir.resolve("disk.md"), runbook("Disk full", "trigger = DiskFull", 10));
      await(runbooks, l -> titles(l).equals(List.of("Disk full")));

      Files.createDirectories(dir.resolve("new/deeper"));
      Files.writeString(dir.resolve("new/deeper/up.md"), runbook("Down", "trigger = InstanceDown", 1));
      await(runbooks, l -> titles(l).equals(List.of("Down", "Disk full")));

      Files.writeString(dir.resolve("new/deeper/up.md"), "---\ntitle: Down\nmql: trigger = (\n---\n");
      RunbookLibrary broken = await(runbooks, l -> titles(l).equals(List.of("Disk full")));
      assertEquals("new/deeper/up.md", broken.problems().get(0).path());
      assertEquals(3, broken.problems().get(0).line());

      Files.delete(dir.resolve("disk.md"));
      RunbookLibrary empty = await(runbooks, l -> titles(l).isEmpty());
      assertEquals(1, empty.problems().size());

      Path other = Files.createDirectories(dir.getParent().resolve(dir.getFileName() + "-other"));
      Files.writeString(other.resolve("o.md"), runbook("Other", "\"\"", 1));
      runbooks.follow(other);
      assertEquals(List.of("Other"), titles(runbooks.get()));
      runbooks.follow(null);
      assertEquals(List.of(), titles(runbooks.get()));
      assertEquals(null, runbooks.get().folder());
    }
  }

  private static List<String> titles(RunbookLibrary l) {
    return l.runbooks().stream().map(Runbook::title).toList();
  }

  private static RunbookLibrary await(Runbooks runbooks, Predicate<RunbookLibrary> done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      RunbookLibrary l = runbooks.get();
      if (done.test(l)) {
        return l;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the library did not change as expected: " + titles(runbooks.get()) + " "
        + runbooks.get().problems());
  }
}
