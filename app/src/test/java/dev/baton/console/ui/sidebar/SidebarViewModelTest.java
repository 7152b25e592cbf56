package dev.baton.console.ui.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.config.ConfigFolder;
import dev.baton.console.incident.AlertState;
import dev.baton.console.incident.FiringPeriod;
import dev.baton.console.incident.FiringSummary;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.Sla;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.incident.IncidentChange;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.incident.ListIncidentSource;
import dev.baton.console.incident.Operator;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.savedview.SavedView;
import dev.baton.console.savedview.SavedViewStore;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.ui.filter.FilterBarViewModel;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.mql.Mql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidebarViewModelTest {

  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");
  private final Mql mql = Mql.forIncidents();
  @TempDir
  Path dir;
  private IncidentListViewModel list;
  private FilterBarViewModel filter;
  private SidebarViewModel model;

  @BeforeEach
  void start() {
    model = sidebar();
  }

  private SidebarViewModel sidebar() {
    DirectTaskExecutor tasks = new DirectTaskExecutor();
    list = new IncidentListViewModel(new ListIncidentSource(SampleIncidents.around(now)), tasks,
        new Operator("alice", Set.of("bravo")), mql);
    filter = new FilterBarViewModel(mql);
    filter.queryProperty().addListener((obs, was, q) -> list.filter(q));
    SidebarViewModel sidebar = new SidebarViewModel(list, filter, mql, new SavedViewStore(new ConfigFolder(dir)), tasks);
    list.load();
    sidebar.load();
    return sidebar;
  }

  @Test
  void savesTheCurrentViewAndFilterCountsItLiveAndPersistsIt() {
    list.show(IncidentView.ALL);
    filter.textProperty().set("project = payments");
    assertNull(model.saveCurrent("  Payments  "));
    SidebarViewModel.Row row = model.saved().get(0);
    assertEquals(new SavedView("Payments", IncidentView.ALL, "project = payments"), row.saved());
    assertEquals(2, row.countProperty().get());
    assertSame(row, model.activeProperty().get());

    IncidentCard another = SampleIncidents.card(999, "payments", "Platinum", List.of("Refunds"), 2, List.of("l1"),
        "", "Refunds fail", WorkflowStatus.OPEN, AlertState.FIRING, 1,
        FiringSummary.single(new FiringPeriod(now.minusSeconds(60), null)), now.minusSeconds(60),
        Sla.urgent(Duration.ofMinutes(1), now.plusSeconds(10)), null, 0, SampleIncidents.labels());
    list.apply(new IncidentChange.Upserted(another));
    assertEquals(3, row.countProperty().get());

    filter.textProperty().set("");
    list.show(IncidentView.URGENT);
    assertNull(model.activeProperty().get());
    model.apply(row);
    assertEquals(IncidentView.ALL, list.viewProperty().get());
    assertEquals("project = payments", filter.textProperty().get());

    SidebarViewModel reopened = sidebar();
    assertEquals(List.of("Payments"), reopened.saved().stream().map(r -> r.saved().name()).toList());
  }

  @Test
  void refusesBlankDuplicateAndInvalidFilters() {
    assertEquals("A view needs a name.", model.saveCurrent(" "));
    assertNull(model.saveCurrent("Mine too"));
    assertEquals("A view named 'Mine too' exists already.", model.saveCurrent("Mine too"));
    filter.textProperty().set("project = ");
    assertEquals("The filter has a mistake; fix it before saving it as a view.", model.saveCurrent("Broken"));
    assertEquals(1, model.saved().size());
  }

  @Test
  void renamesAndDeletes() {
    assertNull(model.saveCurrent("One"));
    assertNull(model.saveCurrent("Two"));
    assertEquals("A view named 'One' exists already.", model.rename(model.saved().get(1), "One"));
    assertNull(model.rename(model.saved().get(1), "Second"));
    model.delete(model.saved().get(0));
    assertEquals(List.of("Second"), sidebar().saved().stream().map(r -> r.saved().name()).toList());
  }

  @Test
  void aBrokenFileIsReportedNotFatalAndKeptAsideOnTheNextSave() throws IOException {
    Files.writeString(dir.resolve("views.json"), "{\"views\": [ {\"name\": \"x\", ");
    model = sidebar();
    assertTrue(model.messageProperty().get().startsWith("Saved views not loaded: " + dir.resolve("views.json")
        + ": line 1"), model.messageProperty().get());
    assertEquals(0, model.saved().size());
    assertEquals(4, list.count(IncidentView.URGENT).get(), "the list works without saved views");

    assertNull(model.saveCurrent("Fresh"));
    assertEquals("", model.messageProperty().get());
    assertTrue(Files.readString(dir.resolve("views.json.broken")).startsWith("{\"views\": [ {\"name\": \"x\""));
  }

  @Test
  void aHandEditedInvalidQueryIsMarkedNotCounted() throws IOException {
    Files.writeString(dir.resolve("views.json"), "{\"views\": [{\"name\": \"typo\", \"view\": \"ALL\", \"mql\": \"projct = x\"}]}");
    model = sidebar();
    SidebarViewModel.Row row = model.saved().get(0);
    assertTrue(row.problem().contains("unknown field 'projct'"), row.problem());
    assertEquals(0, row.countProperty().get());
  }
}
