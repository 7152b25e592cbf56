package dev.baton.console.ui.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.client.BatonClient;
import dev.baton.console.TestReceiver;
import dev.baton.console.postmortem.ApiPostmortems;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.task.ManualDelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's state against a real receiver, no screen: autosave, 409s, 400s in place, parts, export. */
class PostmortemEditorViewModelTest {

  @TempDir
  Path dir;
  private TestReceiver receiver;
  private BatonClient client;
  private final ManualDelay delay = new ManualDelay();
  private PostmortemEditorViewModel model;
  private long incident;

  @BeforeEach
  void start() throws Exception {
    receiver = TestReceiver.start(dir);
    client = BatonClient.builder(receiver.url()).build();
    incident = PostmortemTestData.incident(receiver, client, "DiskFull", Map.of("team", "storage"));
    model = new PostmortemEditorViewModel(new ApiPostmortems(client), new DirectTaskExecutor(), delay,
        Clock.system(ZoneOffset.UTC));
    model.openForIncident(incident);
  }

  @AfterEach
  void stop() {
    client.close();
    receiver.close();
  }

  @Test
  void opensADraftPrefilledFromTheIncidentThenTheSameOneAgain() throws Exception {
    assertTrue(model.loadedProperty().get(), model.saveStateProperty().get());
    assertEquals(List.of(incident), model.incidentIds());
    assertEquals("storage", model.teamsProperty().get());
    assertEquals("draft", model.statusProperty().get().id());
    assertFalse(model.sections().isEmpty(), "the template's sections");
    assertFalse(model.sections().get(0).questions().isEmpty(), "with their guiding questions");
    assertTrue(model.messageProperty().get().startsWith("Started a draft"), model.messageProperty().get());
    assertTrue(model.triggers().stream().anyMatch(c -> "release".equals(c.id())), "dropdowns from the receiver");

    PostmortemEditorViewModel again = new PostmortemEditorViewModel(new ApiPostmortems(client),
        new DirectTaskExecutor(), delay, Clock.systemUTC());
    again.openForIncident(incident);
    assertEquals(model.id(), again.id(), "an incident has one post-mortem");
    assertEquals("", again.messageProperty().get());
  }

  @Test
  void autosavesAfterTheLastEditWithTheVersionItEdited() throws Exception {
    long before = model.version();
    model.titleProperty().set("Disk full on db1");
    model.triggerProperty().set(model.triggers().stream().filter(c -> "capacity".equals(c.id())).findFirst()
        .orElseThrow());
    model.sections().get(0).answerProperty().set("The disk filled with logs.");
    assertTrue(model.dirty());
    assertEquals("Unsaved changes", model.saveStateProperty().get());
    assertEquals(1, delay.pending(), "one debounced save for three edits");
    assertEquals(before, client.postmortem(model.id()).version(), "nothing sent before the pause");

    delay.elapse();
    Postmortem saved = client.postmortem(model.id());
    assertEquals("Disk full on db1", saved.title());
    assertEquals("capacity", saved.triggerCategory());
    assertEquals("The disk filled with logs.", saved.sections().get(0).answer());
    assertEquals(saved.version(), model.version());
    assertFalse(model.dirty());
    assertTrue(model.saveStateProperty().get().startsWith("Saved at"), model.saveStateProperty().get());
  }

  @Test
  void aConflictIsSaidInWordsKeepsTheTextAndKeepMineSavesIt() throws Exception {
    Postmortem theirs = client.postmortem(model.id());
    PostmortemFields f = PostmortemFields.of(theirs);
    client.updatePostmortem(model.id(), new PostmortemFields("Their title", f.status(), f.owner(), f.incidentIds(),
        f.failureStart(), f.failureEnd(), f.investigationStart(), f.investigationEnd(), f.triggerCategory(),
        f.detection(), f.damageCategory(), f.damageText(), f.damageFigures(), f.teams(), f.services(),
        f.alertWouldHave(), f.alertKind(), f.sections(), f.glossary()), theirs.version());

    model.damageTextProperty().set("Checkout answered 500 for 40 minutes.");
    delay.elapse();
    assertTrue(model.conflictProperty().get());
    assertTrue(model.saveStateProperty().get().contains("someone else saved this post-mortem meanwhile"),
        model.saveStateProperty().get());
    assertEquals("Checkout answered 500 for 40 minutes.", model.damageTextProperty().get(), "nothing typed is lost");
    model.ownerProperty().set("carol");
    assertEquals(0, delay.pending(), "autosave waits for a decision");
    assertEquals("Their title", client.postmortem(model.id()).title());

    model.keepMine();
    assertFalse(model.conflictProperty().get());
    Postmortem mine = client.postmortem(model.id());
    assertEquals("Checkout answered 500 for 40 minutes.", mine.damageText());
    assertEquals("carol", mine.owner());
  }

  @Test
  void loadTheirsShowsTheOtherVersion() throws Exception {
    Postmortem theirs = client.postmortem(model.id());
    PostmortemFields f = PostmortemFields.of(theirs);
    client.updatePostmortem(model.id(), new PostmortemFields("Their title", f.status(), "dave", f.incidentIds(),
        f.failureStart(), f.failureEnd(), f.investigationStart(), f.investigationEnd(), f.triggerCategory(),
        f.detection(), f.damageCategory(), f.damageText(), f.damageFigures(), f.teams(), f.services(),
        f.alertWouldHave(), f.alertKind(), f.sections(), f.glossary()), theirs.version());
    model.titleProperty().set("My title");
    delay.elapse();
    assertTrue(model.conflictProperty().get());
    model.loadTheirs();
    assertFalse(model.conflictProperty().get());
    assertEquals("Their title", model.titleProperty().get());
    assertEquals("dave", model.ownerProperty().get());
    assertFalse(model.dirty());
  }

  @Test
  void theReceiversValidationLandsNextToEachField() throws Exception {
    Instant start = Instant.now().minus(Duration.ofHours(3));
    model.failureStartProperty().set(start);
    model.failureEndProperty().set(start.minus(Duration.ofHours(1)));
    model.statusProperty().set(model.statuses().stream().filter(c -> "done".equals(c.id())).findFirst().orElseThrow());
    model.teamsProperty().set("storage, web, web");
    delay.elapse();

    assertTrue(model.problemProperty("failureEnd").get().contains("before"), model.problemProperty("failureEnd").get());
    assertTrue(model.problemProperty("triggerCategory").get().contains("required"),
        model.problemProperty("triggerCategory").get());
    assertTrue(model.problemProperty("teams").get().contains("web"), model.problemProperty("teams").get());
    assertEquals("", model.problemProperty("title").get());
    assertTrue(model.saveStateProperty().get().matches("Not saved: \\d+ fields need a fix \\(shown next to them\\)\\."),
        model.saveStateProperty().get());
    assertTrue(model.dirty(), "what was typed stays");

    model.statusProperty().set(model.statuses().get(0));
    model.failureEndProperty().set(start.plus(Duration.ofHours(1)));
    model.teamsProperty().set("storage, web");
    delay.elapse();
    assertEquals("", model.problemProperty("failureEnd").get(), "a good save clears the problems");
    assertEquals(List.of("storage", "web"), client.postmortem(model.id()).teams());
  }

  @Test
  void aDamageFigureThatIsNoNumberIsNotSent() throws Exception {
    long before = model.version();
    model.addFigureRow();
    model.figures().get(0).nameProperty().set("failed requests");
    model.figures().get(0).valueProperty().set("many");
    delay.elapse();
    assertTrue(model.problemProperty("damageFigures").get().startsWith("row 1: 'many' is not a number"),
        model.problemProperty("damageFigures").get());
    assertEquals(before, client.postmortem(model.id()).version());

    model.figures().get(0).valueProperty().set("12,000");
    model.figures().get(0).unitProperty().set("requests");
    delay.elapse();
    assertEquals(12000.0, client.postmortem(model.id()).damageFigures().get(0).value());
  }

  @Test
  void timelineActionItemsArtifactsAndExport() throws Exception {
    model.noteTextProperty().set("rolled back to 1.4.1");
    model.addNote();
    assertEquals("", model.noteTextProperty().get());
    assertTrue(client.postmortem(model.id()).timeline().stream()
        .anyMatch(e -> "note".equals(e.kind()) && e.text().equals("rolled back to 1.4.1")));
    var note = model.timeline().stream().filter(e -> "note".equals(e.kind())).findFirst().orElseThrow();
    model.editEntry(note, note.at(), "rolled back to 1.4.0");
    assertTrue(model.timeline().stream().anyMatch(e -> e.text().equals("rolled back to 1.4.0")));

    model.newActionTitleProperty().set("Alert on disk at 80%");
    model.newActionLinkProperty().set("https://tracker.example/OPS-7");
    model.addAction();
    assertEquals(1, model.actions().size());
    model.setDone(model.actions().get(0), true);
    assertTrue(client.postmortem(model.id()).actions().get(0).done());

    model.newActionLinkProperty().set("ftp://nope");
    model.newActionTitleProperty().set("Bad link");
    model.addAction();
    assertTrue(model.messageProperty().get().startsWith("Action item not added"), model.messageProperty().get());
    assertEquals("Bad link", model.newActionTitleProperty().get(), "kept to be fixed");

    Path png = PostmortemTestData.png(dir.resolve("latency.png"));
    Path zip = Files.write(dir.resolve("dump.zip"), new byte[] {1, 2, 3});
    model.addFiles(List.of(png, zip));
    assertEquals(1, model.artifacts().size());
    assertEquals("image/png", model.artifacts().get(0).contentType());
    assertTrue(model.problemProperty("artifacts").get().contains("'dump.zip' not added"),
        model.problemProperty("artifacts").get());
    Path copy = dir.resolve("copy.png");
    model.download(model.artifacts().get(0), copy);
    assertEquals(Files.size(png), Files.size(copy));

    model.titleProperty().set("Disk full on db1");
    Path md = dir.resolve("report.md");
    model.exportMarkdown(md); // saves what was typed first
    String text = Files.readString(md);
    assertTrue(text.contains("Disk full on db1"), text);
    assertTrue(text.contains("Alert on disk at 80%"), text);
    assertTrue(text.contains("data:image/png;base64,"), "images inline");
    assertTrue(model.messageProperty().get().startsWith("Exported to"), model.messageProperty().get());
  }
}
