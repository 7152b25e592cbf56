package dev.baton.server.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a runbooks folder (usually a git checkout): every {@code .md} file below it except
 * README files and anything under a hidden folder such as {@code .git}. A file that cannot be a
 * runbook is reported and skipped; the folder itself missing is reported too, never thrown.
 */
public final class RunbookFolder {

  /** Larger files are skipped with a problem: runbooks are pages, not data. */
  static final long MAX_FILE_BYTES = 1024 * 1024;
  /** Files beyond this many are skipped with one problem. */
  static final int MAX_FILES = 5000;
  private static final int MAX_DEPTH = 16;

  private RunbookFolder() {}

  /** Reads every runbook file of {@code folder} now. */
  public static RunbookLibrary read(Path folder, Clock clock) {
    List<Runbook> runbooks = new ArrayList<>();
    List<RunbookProblem> problems = new ArrayList<>();
    List<Path> files;
    try {
      files = files(folder);
    } catch (IOException | UncheckedIOException e) {
      problems.add(new RunbookProblem(folder.toString(), 0, Files.isDirectory(folder)
          ? "cannot read the runbooks folder: " + e.getMessage()
          : "the runbooks folder does not exist or is not a folder"));
      return new RunbookLibrary(folder, runbooks, problems, clock.instant());
    }
    if (files.size() > MAX_FILES) {
      problems.add(new RunbookProblem(folder.toString(), 0, files.size() + " runbook files; only the first "
          + MAX_FILES + " (by path) are read"));
      files = files.subList(0, MAX_FILES);
    }
    for (Path file : files) {
      String path = relative(folder, file);
      String text;
      try {
        text = text(file);
      } catch (IOException e) {
        problems.add(new RunbookProblem(path, 0, e.getMessage()));
        continue;
      }
      RunbookParser.Result result = RunbookParser.parse(path, text);
      if (result.ok()) {
        runbooks.add(result.runbook());
      } else {
        problems.addAll(result.problems());
      }
    }
    return new RunbookLibrary(folder, runbooks, problems, clock.instant());
  }

  /**
   * What the files look like now (path, size, modification time): equal stamps mean nothing to
   * reload. An unreadable folder has its own stamp.
   */
  static String stamp(Path folder) {
    StringBuilder b = new StringBuilder();
    try {
      for (Path f : files(folder)) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        b.append(f).append('|').append(a.size()).append('|').append(a.lastModifiedTime().toMillis()).append('\n');
      }
    } catch (IOException | UncheckedIOException e) {
      return "unreadable: " + e.getMessage();
    }
    return b.toString();
  }

  /** The runbook files, sorted by path. */
  static List<Path> files(Path folder) throws IOException {
    TreeMap<String, Path> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
      walk.filter(p -> isRunbook(folder, p)).forEach(p -> found.put(relative(folder, p), p));
    }
    return new ArrayList<>(found.values());
  }

  /** The folders to watch: the folder and every non-hidden folder below it. */
  static List<Path> folders(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(Files::isDirectory).filter(p -> !hidden(folder, p)).toList();
    }
  }

  private static boolean isRunbook(Path folder, Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".md") || name.endsWith(".markdown")) && !name.startsWith("readme.")
        && !hidden(folder, p) && Files.isRegularFile(p);
  }

  private static boolean hidden(Path folder, Path p) {
    for (Path part : folder.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static String text(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException("file is " + size + " bytes; runbooks are limited to " + MAX_FILE_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text");
    }
  }
}
