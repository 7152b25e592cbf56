package dev.baton.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFolderTest {

  record Sample(String name, int volume) {
  }

  @TempDir
  Path dir;

  @Test
  void missingFileGivesTheDefaultWithoutAProblem() {
    ConfigFolder folder = new ConfigFolder(dir.resolve("baton"));
    Sample absent = new Sample("none", 0);
    assertEquals(new ConfigFolder.Loaded<>(absent, Optional.empty()), folder.read("x.json", Sample.class, absent));
  }

  @Test
  void writesOwnerOnlyAndReadsBack() throws IOException {
    ConfigFolder folder = new ConfigFolder(dir.resolve("baton"));
    folder.write("x.json", new Sample("alice", 70));
    assertEquals(new Sample("alice", 70), folder.read("x.json", Sample.class, null).value());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.file("x.json"))));
    try (var files = Files.list(folder.dir())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void brokenFileIsReportedWithLineAndColumnAndTheDefaultUsed() throws IOException {
    ConfigFolder folder = new ConfigFolder(dir);
    Files.writeString(dir.resolve("x.json"), "{\n  \"name\": \"alice\",\n  \"volume\": ,\n}");
    Sample absent = new Sample("none", 0);
    ConfigFolder.Loaded<Sample> loaded = folder.read("x.json", Sample.class, absent);
    assertEquals(absent, loaded.value());
    String problem = loaded.problem().orElseThrow();
    assertTrue(problem.startsWith(dir.resolve("x.json") + ": line 3, column "), problem);
    assertTrue(problem.endsWith("; ignored"), problem);
  }

  @Test
  void followsXdgConfigHomeWhenAbsolute() {
    assertEquals(Path.of("/srv/cfg/baton"), ConfigFolder.forUser(Map.of("XDG_CONFIG_HOME", "/srv/cfg")).dir());
    assertEquals(Path.of(System.getProperty("user.home"), ".config", "baton"),
        ConfigFolder.forUser(Map.of("XDG_CONFIG_HOME", "relative")).dir());
  }
}
