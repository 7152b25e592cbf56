package dev.baton.console.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentChange;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.incident.ListIncidentSource;
import dev.baton.console.incident.Operator;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.task.ManualTaskExecutor;
import dev.baton.console.task.TaskExecutor;
import dev.baton.mql.Mql;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentListViewModelTest {

  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");
  private final List<IncidentCard> cards = SampleIncidents.around(now);
  private final ListIncidentSource source = new ListIncidentSource(cards);
  private final Mql mql = Mql.forIncidents();
  private IncidentListViewModel model;

  @BeforeEach
  void load() {
    model = new IncidentListViewModel(source, new DirectTaskExecutor(), new Operator("alice", Set.of("bravo")), mql);
    model.load();
  }

  private List<Long> shown() {
    return model.shown().stream().map(IncidentCard::id).toList();
  }

  @Test
  void loadsCountsPerViewAndShowsUrgentInUrgencyOrder() {
    assertEquals("8 incidents", model.statusProperty().get());
    assertEquals(List.of(102L, 101L, 104L, 103L), shown());
    assertEquals(4, model.count(IncidentView.URGENT).get());
    assertEquals(1, model.count(IncidentView.SNOOZED).get());
    assertEquals(8, model.count(IncidentView.ALL).get());
    assertEquals(1, source.subscribers());
  }

  @Test
  void mqlNarrowsTheViewIncludingAggregatedLabelValues() {
    model.filter(mql.predicate(mql.parse("~node = \"node-a2\"").value()));
    assertEquals(List.of(102L), shown());
    model.filter(mql.predicate(mql.parse("severity <= S2 AND state = unknown").value()));
    assertEquals(List.of(104L), shown());
    model.show(IncidentView.ALL);
    model.filter(mql.predicate(mql.parse("project = intranet").value()));
    assertEquals(Set.of(107L, 108L), Set.copyOf(shown()));
    model.filter(null);
    assertEquals(8, shown().size());
  }

  @Test
  void streamUpdatesKeepTheSelectionAndMarkNewUrgentIncidentsUntilSeen() {
    IncidentCard taken = cards.get(0);
    model.selectedProperty().set(taken);
    IncidentCard newer = SampleIncidents.with(taken, WorkflowStatus.TAKEN, 2);
    source.push(new IncidentChange.Upserted(newer));
    assertSame(newer, model.selectedProperty().get());
    assertEquals(8, model.count(IncidentView.ALL).get());

    IncidentCard fresh = new IncidentCard(200, "payments", "Platinum", List.of("Fresh"), taken.severity(),
        List.of("l1"), "", "fresh", WorkflowStatus.OPEN, taken.state(), 1, taken.firing(), now, null, taken.sla(),
        null, 0, taken.labels(), 1);
    source.push(new IncidentChange.Upserted(fresh));
    assertEquals(5, model.count(IncidentView.URGENT).get());
    assertTrue(model.unseen(fresh));
    model.selectedProperty().set(fresh);
    assertFalse(model.unseen(fresh));

    source.push(new IncidentChange.Removed(200));
    assertEquals(4, model.count(IncidentView.URGENT).get());
    assertFalse(shown().contains(200L));
  }

  @Test
  void aFailedLoadIsReportedInWords() {
    ListIncidentSource broken = new ListIncidentSource(List.of());
    broken.failWith(new IOException("receiver http://127.0.0.1:9393 is not answering"));
    IncidentListViewModel failing = new IncidentListViewModel(broken, new DirectTaskExecutor(),
        new Operator("alice", Set.of()), mql);
    failing.load();
    assertEquals("Cannot load incidents: receiver http://127.0.0.1:9393 is not answering",
        failing.statusProperty().get());
    assertFalse(failing.loadingProperty().get());
  }

  @Test
  void readsTheListOnceAtStartWhenTheSourceAsks() {
    assertEquals(1, source.loads());
    assertEquals(1, source.subscribers());
    source.push(new IncidentChange.Reload());
    assertEquals(2, source.loads(), "the stream could not catch up: read again");
  }

  @Test
  void anOlderVersionFromTheStreamDoesNotOverwriteANewerCard() {
    IncidentCard held = cards.get(0);
    model.show(IncidentView.ALL);
    source.push(new IncidentChange.Upserted(SampleIncidents.with(held, WorkflowStatus.TAKEN, held.version() + 2)));
    source.push(new IncidentChange.Upserted(SampleIncidents.with(held, WorkflowStatus.SNOOZED, held.version() + 1)));
    source.push(new IncidentChange.Upserted(SampleIncidents.with(held, WorkflowStatus.CLOSED, held.version() + 2)));

    IncidentCard shownNow = model.shown().stream().filter(c -> c.id() == held.id()).findFirst().orElseThrow();
    assertEquals(WorkflowStatus.TAKEN, shownNow.status());
    assertEquals(held.version() + 2, shownNow.version());
  }

  @Test
  void changesArrivingWhileTheListIsReadApplyAfterTheRead() {
    ManualTaskExecutor tasks = new ManualTaskExecutor();
    ListIncidentSource slow = new ListIncidentSource(cards);
    IncidentListViewModel list = new IncidentListViewModel(slow, tasks, new Operator("alice", Set.of("bravo")), mql);
    list.show(IncidentView.ALL);
    list.load();
    assertEquals(1, tasks.pending(), "the read the first reload asked for");
    assertTrue(list.loadingProperty().get());
    IncidentCard held = cards.get(0);
    slow.push(new IncidentChange.Upserted(SampleIncidents.with(held, WorkflowStatus.TAKEN, held.version() + 1)));
    slow.push(new IncidentChange.Removed(cards.get(1).id()));

    tasks.runPending();

    assertFalse(list.loadingProperty().get());
    assertEquals(cards.size() - 1, list.shown().size(), "the removal arrived after the read began");
    IncidentCard shownNow = list.shown().stream().filter(c -> c.id() == held.id()).findFirst().orElseThrow();
    assertEquals(WorkflowStatus.TAKEN, shownNow.status(), "the read does not overwrite the newer card");
    assertEquals(1, slow.loads());
  }

  @Test
  void subjectsAreBuiltBesideTheReadAndNeverOutliveTheCardTheyWereBuiltFor() {
    ManualTaskExecutor tasks = new ManualTaskExecutor();
    IncidentListViewModel list = new IncidentListViewModel(source, tasks, new Operator("alice", Set.of("bravo")), mql);
    list.show(IncidentView.ALL);
    list.load();
    tasks.runOne(); // the read
    assertEquals(1, tasks.pending(), "the subjects, built in the background");
    IncidentCard held = cards.get(0);
    assertTrue(held.status() != WorkflowStatus.TAKEN);
    // the subjects are being built in the background when a newer card arrives
    source.push(new IncidentChange.Upserted(SampleIncidents.with(held, WorkflowStatus.TAKEN, held.version() + 1)));
    tasks.runPending();

    list.filter(mql.predicate(mql.parse("status = taken").value()));
    assertTrue(list.shown().stream().anyMatch(c -> c.id() == held.id()), "filtered on the newer card, not the one read");
    list.filter(mql.predicate(mql.parse("project = \"" + held.project() + "\"").value()));
    assertTrue(list.shown().stream().anyMatch(c -> c.id() == held.id()));
    list.filter(mql.predicate(mql.parse("status = " + held.status().wireName()).value()));
    assertTrue(list.shown().stream().noneMatch(c -> c.id() == held.id()), "the subject built for the older card is not used");
  }

  @Test
  void theReadBeginsWhenTheSourceAsksWhileTheUiThreadIsStillBusy() {
    // background work runs at once; the UI thread's share waits until the test runs it (as while the window is built)
    java.util.Queue<Runnable> ui = new java.util.ArrayDeque<>();
    TaskExecutor busyUi = new TaskExecutor() {
      @Override
      public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
          java.util.function.Consumer<Throwable> onFailure) {
        try {
          T result = work.call();
          ui.add(() -> onSuccess.accept(result));
        } catch (Exception e) {
          ui.add(() -> onFailure.accept(e));
        }
      }

      @Override
      public void onUiThread(Runnable action) {
        ui.add(action);
      }
    };
    ListIncidentSource early = new ListIncidentSource(cards);
    IncidentListViewModel list = new IncidentListViewModel(early, busyUi, new Operator("alice", Set.of("bravo")), mql);
    list.show(IncidentView.ALL);
    list.load();
    assertEquals(1, early.loads(), "read as soon as the source asked, before the UI thread got to it");
    IncidentCard held = cards.get(0);
    early.push(new IncidentChange.Upserted(SampleIncidents.with(held, WorkflowStatus.TAKEN, held.version() + 1)));
    assertEquals(0, list.shown().size());

    for (Runnable next = ui.poll(); next != null; next = ui.poll()) {
      next.run();
    }

    assertEquals(1, early.loads(), "the read under way serves the reload: the list is read once");
    assertEquals(cards.size(), list.shown().size());
    IncidentCard shownNow = list.shown().stream().filter(c -> c.id() == held.id()).findFirst().orElseThrow();
    assertEquals(WorkflowStatus.TAKEN, shownNow.status(), "the change behind the reload applies after the read");
    assertFalse(list.loadingProperty().get());
  }

  @Test
  void aReloadWhileTheListIsReadWaitsForThatRead() {
    ManualTaskExecutor tasks = new ManualTaskExecutor();
    ListIncidentSource slow = new ListIncidentSource(cards);
    IncidentListViewModel list = new IncidentListViewModel(slow, tasks, new Operator("alice", Set.of("bravo")), mql);
    list.load();
    slow.push(new IncidentChange.Reload());
    slow.push(new IncidentChange.Reload());
    assertEquals(1, tasks.pending(), "one read at a time, however many reloads the stream asks for");

    tasks.runPending();

    assertEquals(2, slow.loads(), "the first read, then one for the reloads that came during it");
    assertEquals(cards.size(), list.cards().size());
    assertFalse(list.loadingProperty().get());
  }

  @Test
  void vocabularyFollowsTheCards() {
    assertTrue(model.vocabularyProperty().get().labelNames().contains("kubernetes"));
    assertEquals(List.of("node-a1", "node-a2", "node-b7"), model.vocabularyProperty().get().labelValues("node"));
  }
}
