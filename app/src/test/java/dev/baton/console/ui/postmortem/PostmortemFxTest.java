package dev.baton.console.ui.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.client.BatonClient;
import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.AnsweringFileDialogs;
import dev.baton.console.ui.FxTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The post-mortem editor in the real window over a real receiver: opened from an incident with P,
 * an edit autosaved to the receiver, the receiver's validation shown under the field, an action
 * item and an artifact added, the Markdown export, and the side bar's list.
 */
@ExtendWith(ApplicationExtension.class)
class PostmortemFxTest {

  private Path dir;
  private TestReceiver receiver;
  private BatonClient client;
  private LiveConsole console;
  private long incident;
  private final AnsweringFileDialogs files = new AnsweringFileDialogs();

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("baton-pm-fx");
    receiver = TestReceiver.start(dir);
    client = BatonClient.builder(receiver.url()).build();
    incident = PostmortemTestData.incident(receiver, client, "DiskFull", Map.of("team", "storage"));
    console = new LiveConsole(stage, dir.resolve("config"), files, "--server", receiver.url());
  }

  @AfterEach
  void stop() throws Exception {
    FxTestSupport.hideAllBut(console.window.root().getScene().getWindow());
    console.close();
    client.close();
    receiver.close();
  }

  private Postmortem onReceiver() throws IOException {
    return client.postmortem(client.postmortems(new dev.baton.client.PostmortemQuery(null, null, null, incident, null,
        null, null)).items().get(0).id());
  }

  /** Selects a tab and waits for a pulse: its fields are clicked next, where the layout put them. */
  private void selectTab(FxRobot robot, String id) throws Exception {
    TabPane pane = robot.lookup("#pm-parts").queryAs(TabPane.class);
    robot.interact(() -> pane.getSelectionModel().select(pane.getTabs().stream()
        .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    FxTestSupport.awaitPulse();
  }

  private void replaceText(FxRobot robot, String query, String text) {
    robot.clickOn(query).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
  }

  @Test
  void writesAPostmortemFromAnIncident(FxRobot robot) throws Exception {
    ListView<IncidentCard> list = console.window.listView().list();
    LiveConsole.await("the incident listed", () -> list.getItems().stream().anyMatch(c -> c.id() == incident));
    robot.interact(() -> {
      list.getSelectionModel().select(list.getItems().stream().filter(c -> c.id() == incident).findFirst()
          .orElseThrow());
      list.requestFocus();
    });
    robot.type(KeyCode.P);
    LiveConsole.await("the editor open on the new draft", () -> robot.lookup("#pm-title").tryQuery().isPresent()
        && !robot.lookup("#pm-title").queryAs(TextField.class).getText().isEmpty());
    assertEquals("#" + incident, robot.lookup("#pm-incidents").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#pm-section-0").tryQuery().isPresent(), "the template's sections");

    // An edit reaches the receiver by itself, with no save button pressed.
    replaceText(robot, "#pm-owner", "carol");
    LiveConsole.await("the owner autosaved", () -> {
      try {
        return "carol".equals(onReceiver().owner());
      } catch (IOException e) {
        return false;
      }
    });
    LiveConsole.await("the save state", () -> robot.lookup("#pm-save-state").queryAs(Label.class).getText()
        .startsWith("Saved at"));

    // Someone else saves meanwhile: the next autosave is refused (409), said in words, the text kept.
    Postmortem theirs = onReceiver();
    PostmortemFields f = PostmortemFields.of(theirs);
    client.updatePostmortem(theirs.id(), new PostmortemFields(f.title(), f.status(), "dave", f.incidentIds(),
        f.failureStart(), f.failureEnd(), f.investigationStart(), f.investigationEnd(), f.triggerCategory(),
        f.detection(), f.damageCategory(), f.damageText(), f.damageFigures(), f.teams(), f.services(),
        f.alertWouldHave(), f.alertKind(), f.sections(), f.glossary()), theirs.version());
    robot.clickOn("#pm-damage-text").write("Checkout failed for 40 minutes.");
    LiveConsole.await("the conflict bar", () -> robot.lookup("#pm-conflict").queryAs(HBox.class).isVisible());
    assertTrue(robot.lookup("#pm-save-state").queryAs(Label.class).getText()
        .contains("someone else saved this post-mortem meanwhile"));
    assertEquals("Checkout failed for 40 minutes.", robot.lookup("#pm-damage-text").queryAs(TextArea.class).getText());
    assertEquals("dave", onReceiver().owner());
    robot.clickOn("#pm-keep-mine");
    LiveConsole.await("mine saved over theirs", () -> {
      try {
        return "Checkout failed for 40 minutes.".equals(onReceiver().damageText());
      } catch (IOException e) {
        return false;
      }
    });
    LiveConsole.await("the conflict bar gone", () -> !robot.lookup("#pm-conflict").queryAs(HBox.class).isVisible());

    // "Done" needs the facts the analytics count: the receiver names them, each under its field.
    robot.clickOn("#pm-status").clickOn("Done");
    LiveConsole.await("the receiver's problem under Trigger", () -> robot.lookup("#pm-problem-triggerCategory")
        .queryAs(Label.class).getText().contains("required"));
    assertTrue(robot.lookup("#pm-problem-triggerCategory").queryAs(Label.class).isVisible());
    assertEquals("", robot.lookup("#pm-problem-owner").queryAs(Label.class).getText(), "the owner is set");
    assertTrue(robot.lookup("#pm-save-state").queryAs(Label.class).getText().startsWith("Not saved:"));
    assertEquals("draft", onReceiver().status());
    robot.clickOn("#pm-status").clickOn("Draft");
    LiveConsole.await("the problems gone after a good save", () -> robot.lookup("#pm-problem-triggerCategory")
        .queryAs(Label.class).getText().isEmpty());

    selectTab(robot, "pm-tab-actions");
    robot.clickOn("#pm-action-title").write("Alert on disk at 80%");
    robot.clickOn("#pm-action-link").write("https://tracker.example/OPS-7");
    robot.clickOn("#pm-add-action");
    LiveConsole.await("the action item on the receiver", () -> {
      try {
        return onReceiver().actions().stream().anyMatch(a -> a.title().equals("Alert on disk at 80%")
            && "https://tracker.example/OPS-7".equals(a.link()));
      } catch (IOException e) {
        return false;
      }
    });
    // The receiver has it before the console has read the receiver's answer: wait for the editor too.
    LiveConsole.await("the action item in the editor", () -> robot.lookup("#pm-actions").queryAs(ListView.class)
        .getItems().size() == 1);
    assertEquals("", robot.lookup("#pm-action-title").queryAs(TextField.class).getText());

    selectTab(robot, "pm-tab-artifacts");
    files.toOpen.add(PostmortemTestData.png(dir.resolve("latency.png")));
    robot.clickOn("#pm-add-file");
    LiveConsole.await("the artifact listed", () -> robot.lookup("#pm-artifacts").queryAs(ListView.class)
        .getItems().size() == 1);
    assertEquals("latency.png", onReceiver().artifacts().get(0).name());
    Tab artifactsTab = robot.lookup("#pm-parts").queryAs(TabPane.class).getTabs().stream()
        .filter(t -> "pm-tab-artifacts".equals(t.getId())).findFirst().orElseThrow();
    assertEquals("Artifacts (1)", artifactsTab.getText());

    files.saveTo = dir.resolve("pm.md");
    robot.clickOn("#pm-export");
    LiveConsole.await("the Markdown written", () -> Files.exists(files.saveTo));
    String markdown = Files.readString(files.saveTo);
    assertTrue(markdown.contains("Alert on disk at 80%") && markdown.contains("Checkout failed for 40 minutes."),
        markdown);

    // The side bar's Post-mortems list shows it.
    robot.interact(() -> console.window.root().getScene().getWindow().requestFocus());
    robot.clickOn("#sidebar-postmortems");
    LiveConsole.await("the list", () -> robot.lookup("#pm-list").tryQuery().isPresent()
        && robot.lookup("#pm-list").queryAs(TableView.class).getItems().size() == 1);
    assertTrue(robot.lookup("#pm-list-status").queryAs(Label.class).getText().contains("1 open action items"),
        robot.lookup("#pm-list-status").queryAs(Label.class).getText());
  }
}
