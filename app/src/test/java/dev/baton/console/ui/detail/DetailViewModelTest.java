package dev.baton.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import dev.baton.console.incident.Severity;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.task.ManualTaskExecutor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetailViewModelTest {

  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");
  private final List<IncidentCard> cards = SampleIncidents.around(now);
  private final List<Long> loads = new ArrayList<>();
  private final ManualTaskExecutor tasks = new ManualTaskExecutor();

  private IncidentDetails details(IncidentCard card) {
    SimilarGroup group = new SimilarGroup(1, 3, List.of());
    return new IncidentDetails(card, "the **long** story", List.of(), List.of(), new IncidentHistory(card.id(), "k", 2, List.of()),
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
    tasks.runPending();
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
    tasks.runPending();
    assertEquals(102, model.detailsProperty().get().card().id());
    assertEquals(List.of(101L, 102L), loads);
  }

  @Test
  void aNewVersionReloadsTheSameVersionDoesNot() {
    DetailViewModel model = model();
    IncidentCard card = cards.get(0);
    model.incidentProperty().set(card);
    tasks.runPending();
    IncidentDetails first = model.detailsProperty().get();
    model.incidentProperty().set(SampleIncidents.with(card, card.status(), card.version()));
    tasks.runPending();
    assertEquals(List.of(101L), loads);
    model.incidentProperty().set(SampleIncidents.with(card, WorkflowStatus.TAKEN, card.version() + 1));
    assertSame(first, model.detailsProperty().get(), "the old detail stays while the new one loads");
    tasks.runPending();
    assertEquals(List.of(101L, 101L), loads);
  }

  @Test
  void aFailureIsSaidInWordsAndNothingSelectedClears() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(2));
    tasks.runPending();
    assertEquals("Cannot load #103: no incident 103", model.statusProperty().get());
    model.incidentProperty().set(null);
    assertNull(model.detailsProperty().get());
    assertEquals("Select an incident", model.headingProperty().get());
    assertEquals("", model.statusProperty().get());
  }

  @Test
  void theDescriptionEditorWaitsForTheDetailThenStartsFromTheDescriptions() {
    DetailViewModel model = model();
    IncidentCard card = cards.get(0);
    model.incidentProperty().set(card);
    model.editDescription();
    assertEquals(DetailViewModel.Editing.NONE, model.editingProperty().get());
    assertEquals("#101 is still loading; edit its description once it is shown.", model.editStatusProperty().get());
    tasks.runPending();

    model.editDescription();
    assertEquals(DetailViewModel.Editing.DESCRIPTION, model.editingProperty().get());
    assertEquals(card.shortDescription(), model.shortDraftProperty().get());
    assertEquals("the **long** story", model.longDraftProperty().get());
    model.saveDescription();
    assertEquals(DetailViewModel.Editing.NONE, model.editingProperty().get());
    assertEquals("Nothing changed.", model.editStatusProperty().get());
    assertEquals(0, tasks.pending(), "nothing was sent");
  }

  @Test
  void descriptionsTheReceiverWouldRefuseAreRefusedInPlace() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(0));
    tasks.runPending();
    model.editDescription();
    model.shortDraftProperty().set("x".repeat(201));
    model.saveDescription();
    assertEquals("The short description has 201 characters; at most 200 fit on a card (put more in the long one).",
        model.editStatusProperty().get());
    model.shortDraftProperty().set("two\nlines");
    model.saveDescription();
    assertEquals("The short description is one line; put more in the long one.", model.editStatusProperty().get());
    model.shortDraftProperty().set("ok");
    model.longDraftProperty().set("y".repeat(10_001));
    model.saveDescription();
    assertEquals("The long description has 10001 characters; at most 10000.", model.editStatusProperty().get());
    assertEquals(DetailViewModel.Editing.DESCRIPTION, model.editingProperty().get(), "the drafts stay");
    assertEquals(0, tasks.pending());
  }

  @Test
  void aSeverityNeedsAnotherLevelAndAReason() {
    DetailViewModel model = model();
    IncidentCard card = cards.get(0);
    model.incidentProperty().set(card);
    tasks.runPending();
    model.editSeverity();
    assertEquals(DetailViewModel.Editing.SEVERITY, model.editingProperty().get());
    assertEquals(card.severity(), model.severityDraftProperty().get());
    model.saveSeverity();
    assertEquals("#101 is " + card.severity().label() + " already; choose another severity.",
        model.editStatusProperty().get());
    model.severityDraftProperty().set(Severity.of(4));
    model.severityReasonProperty().set("   ");
    model.saveSeverity();
    assertEquals("Say why S4: the timeline keeps the reason.", model.editStatusProperty().get());
    assertEquals(0, tasks.pending());

    model.cancelEditing();
    assertEquals(DetailViewModel.Editing.NONE, model.editingProperty().get());
  }

  @Test
  void aFailedEditKeepsTheDraftsAndSaysWhy() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(0));
    tasks.runPending();
    model.editSeverity();
    model.severityDraftProperty().set(Severity.of(4));
    model.severityReasonProperty().set("customer impact is small");
    model.saveSeverity();
    assertTrue(model.savingProperty().get());
    tasks.runPending(); // the receiver at 127.0.0.1:9 does not answer

    assertFalse(model.savingProperty().get());
    assertEquals(DetailViewModel.Editing.SEVERITY, model.editingProperty().get());
    assertEquals("customer impact is small", model.severityReasonProperty().get());
    assertTrue(model.editStatusProperty().get().startsWith("Severity not set: "), model.editStatusProperty().get());
  }

  @Test
  void selectingAnotherIncidentClosesTheEditor() {
    DetailViewModel model = model();
    model.incidentProperty().set(cards.get(0));
    tasks.runPending();
    model.editSeverity();
    model.incidentProperty().set(cards.get(1));
    assertEquals(DetailViewModel.Editing.NONE, model.editingProperty().get());
  }
}
