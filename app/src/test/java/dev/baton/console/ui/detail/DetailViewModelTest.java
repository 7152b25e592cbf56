package dev.baton.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.baton.api.model.IncidentHistory;
import dev.baton.api.model.SimilarGroup;
import dev.baton.api.model.SimilarIncidents;
import dev.baton.client.BatonClient;
import dev.baton.console.detail.IncidentDetails;
import dev.baton.console.incident.ApiIncidentActions;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.task.TaskExecutor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DetailViewModelTest {

  /** Runs background work only when told: answers can be made to arrive late and out of order. */
  static final class HeldTasks implements TaskExecutor {
    final Queue<Runnable> pending = new ArrayDeque<>();
    final DirectTaskExecutor direct = new DirectTaskExecutor();

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
      pending.add(() -> direct.execute(work, onSuccess, onFailure));
    }

    @Override
    public void onUiThread(Runnable action) {
      action.run();
    }

    void runAll() {
      while (!pending.isEmpty()) {
        pending.poll().run();
      }
    }
  }

  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");
  private final List<IncidentCard> cards = SampleIncidents.around(now);
  private final List<Long> loads = new ArrayList<>();
  private final HeldTasks tasks = new HeldTasks();

  private IncidentDetails details(IncidentCard card) {
    SimilarGroup group = new SimilarGroup(1, 3, List.of());
    return new IncidentDetails(card, List.of(), List.of(), new IncidentHistory(card.id(), "k", 2, List.of()),
        new SimilarIncidents(card.id(), "t", card.project(), group, new SimilarGroup(2, 7, List.of())), List.of(), 4, List.of());
  }

  private DetailViewModel model() {
    return new DetailViewModel(id -> {
      loads.add(id);
      if (id == 103) {
        throw new IOException("no incident 103");
      }
      return details(cards.stream().filter(c -> c.id() == id).findFirst().orElseThrow());
    }, new ApiIncidentActions(BatonClient.builder("http://127.0.0.1:9").build()), tasks);
  }

  @Test
  void loadsTheSelectedIncidentAndTitlesTheTabs() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(0));
    assertEquals("Loading #101…", model.statusProperty().get());
    tasks.runAll();
    assertEquals("", model.statusProperty().get());
    assertEquals(101, model.detailsProperty().get().card().id());
    assertEquals("Alerts (0)", model.alertsTabProperty().get());
    assertEquals("History (2)", model.historyTabProperty().get());
    assertEquals("Similar 1/3 2/7", model.similarTabProperty().get());
    assertEquals("Others in project (4)", model.othersTabProperty().get());
    assertEquals("Instructions (0)", model.instructionsTabProperty().get());
  }

  @Test
  void aLateAnswerForAnotherIncidentIsDropped() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(0));
    model.incidentProperty().set(cards.get(1));
    tasks.runAll();
    assertEquals(102, model.detailsProperty().get().card().id());
    assertEquals(List.of(101L, 102L), loads);
  }

  @Test
  void aNewVersionReloadsTheSameVersionDoesNot() {
    DetailViewModel model = model();
    IncidentCard card = cards.get(0);
    model.incidentProperty().set(card);
    tasks.runAll();
    IncidentDetails first = model.detailsProperty().get();
    model.incidentProperty().set(SampleIncidents.with(card, card.status(), card.version()));
    tasks.runAll();
    assertEquals(List.of(101L), loads);
    model.incidentProperty().set(SampleIncidents.with(card, WorkflowStatus.TAKEN, card.version() + 1));
    assertSame(first, model.detailsProperty().get(), "the old detail stays while the new one loads");
    tasks.runAll();
    assertEquals(List.of(101L, 101L), loads);
  }

  @Test
  void aFailureIsSaidInWordsAndNothingSelectedClears() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(2));
    tasks.runAll();
    assertEquals("Cannot load #103: no incident 103", model.statusProperty().get());
    model.incidentProperty().set(null);
    assertNull(model.detailsProperty().get());
    assertEquals("Select an incident", model.headingProperty().get());
    assertEquals("", model.statusProperty().get());
  }
}
