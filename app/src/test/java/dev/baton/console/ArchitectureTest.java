package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Layering, checked on the sources: the toolkit stays in {@code ui}, ViewModels never know their views. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/dev/baton/console");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> TOOLKIT = List.of("javafx.", "org.fxmisc.", "atlantafx.", "org.kordamp.ikonli.");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static List<String> imports(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    Matcher m = IMPORT.matcher(Files.readString(file));
    while (m.find()) {
      names.add(m.group(2));
    }
    return names;
  }

  @Test
  void onlyUiImportsTheToolkit() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (MAIN.relativize(file).startsWith("ui")) {
        continue;
      }
      for (String name : imports(file)) {
        if (TOOLKIT.stream().anyMatch(name::startsWith)) {
          violations.add(MAIN.relativize(file) + " imports " + name);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void viewModelsNeverImportViews() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (!file.getFileName().toString().endsWith("ViewModel.java")) {
        continue;
      }
      for (String name : imports(file)) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        boolean view = simple.endsWith("View") && name.startsWith("dev.baton.console.ui")
            || name.startsWith("javafx.scene") || name.startsWith("javafx.stage") || name.startsWith("org.fxmisc");
        if (view) {
          violations.add(file.getFileName() + " imports " + name);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void onlyTheFxThreadPackageCrossesToTheUiThread() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (Files.readString(file).contains("Platform.runLater") && !MAIN.relativize(file).startsWith("ui/fxthread")) {
        violations.add(MAIN.relativize(file).toString());
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void everyViewHasItsViewModelAndFxmlBesideIt() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : sources()) {
      String name = file.getFileName().toString();
      if (!name.endsWith("View.java") || !MAIN.relativize(file).startsWith("ui")) {
        continue;
      }
      String base = name.substring(0, name.length() - "View.java".length());
      if (!Files.exists(file.resolveSibling(base + "ViewModel.java"))) {
        missing.add(base + "ViewModel.java");
      }
      Path resources = Path.of("src/main/resources").resolve(MAIN.subpath(3, MAIN.getNameCount()))
          .resolve(MAIN.relativize(file.getParent())).resolve(base + ".fxml");
      if (!Files.exists(resources)) {
        missing.add(resources.toString());
      }
    }
    assertEquals(List.of(), missing);
  }
}
