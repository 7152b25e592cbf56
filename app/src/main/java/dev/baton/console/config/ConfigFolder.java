package dev.baton.console.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The user's console settings folder, {@code $XDG_CONFIG_HOME/baton} (else {@code ~/.config/baton}):
 * small JSON files read leniently (a broken file is reported, never fatal) and written atomically,
 * readable by the user only (they may hold a token).
 */
public final class ConfigFolder {

  /** What a read found: the value (the given default when the file is missing or broken) and why it is not the file's. */
  public record Loaded<T>(T value, Optional<String> problem) {
  }

  /** Bounds a settings file: anything larger is not ours. */
  static final long MAX_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper()
      .findAndRegisterModules()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path dir;

  public ConfigFolder(Path dir) {
    this.dir = dir;
  }

  /** The folder the XDG base directory rules give for {@code env} (the process environment in real use). */
  public static ConfigFolder forUser(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return new ConfigFolder(base.resolve("baton"));
  }

  public Path dir() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /** Reads {@code name} as {@code type}; a missing file gives {@code absent}, a broken one {@code absent} plus where and why. */
  public <T> Loaded<T> read(String name, Class<T> type, T absent) {
    Path file = file(name);
    try {
      if (Files.size(file) > MAX_BYTES) {
        return new Loaded<>(absent, Optional.of(file + ": larger than " + MAX_BYTES + " bytes; ignored"));
      }
      T value = JSON.readValue(Files.readAllBytes(file), type);
      return new Loaded<>(value == null ? absent : value, Optional.empty());
    } catch (NoSuchFileException e) {
      return new Loaded<>(absent, Optional.empty());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new Loaded<>(absent, Optional.of(file + where + ": " + e.getOriginalMessage() + "; ignored"));
    } catch (IOException | RuntimeException e) {
      return new Loaded<>(absent, Optional.of(file + ": cannot read (" + e.getMessage() + "); ignored"));
    }
  }

  /**
   * Writes {@code value} to {@code name} through a temporary file and a rename, so a crash never
   * leaves half a file; the file is readable and writable by its owner only.
   */
  public void write(String name, Object value) throws IOException {
    Files.createDirectories(dir);
    Path target = file(name);
    Path temp = Files.createTempFile(dir, "." + name, ".tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temp, JSON.writeValueAsBytes(value));
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
