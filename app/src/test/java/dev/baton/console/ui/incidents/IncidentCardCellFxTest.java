package dev.baton.console.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.incident.CardText;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.theme.BatonStyle;
import dev.baton.console.ui.theme.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Cells build their card when they first show an incident, and show each incident they are given. */
@ExtendWith(ApplicationExtension.class)
class IncidentCardCellFxTest {

  private final Instant now = Instant.parse("2026-11-21T18:00:00Z");
  private final List<IncidentCard> sample = SampleIncidents.around(now);
  private final ObservableList<IncidentCard> items = FXCollections.observableArrayList();
  private ListView<IncidentCard> list;
  private SlaClock clock;

  @Start
  void start(Stage stage) {
    clock = new SlaClock(Clock.fixed(now, ZoneOffset.UTC));
    list = new ListView<>(items);
    list.setCellFactory(v -> new IncidentCardCell(clock, ZoneOffset.UTC, (n, value, negate) -> { }, c -> false));
    list.setPlaceholder(new Label("no incidents"));
    Scene scene = new Scene(list, 900, 700);
    Theme.LIGHT.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  /** The cells on screen, top first: the filled ones, then the empty ones that fill the list's height. */
  private List<IncidentCardCell> cells() throws Exception {
    FxTestSupport.awaitPulse();
    return FxTestSupport.onFx(() -> list.lookupAll(".list-cell").stream()
        .filter(FxTestSupport::shown)
        .map(IncidentCardCell.class::cast)
        .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
        .toList());
  }

  /** The title the cell's card shows. */
  private static String title(IncidentCardCell cell) {
    return ((Label) cell.getGraphic().lookup("." + BatonStyle.CARD_TITLE)).getText();
  }

  @Test
  void onlyOpenIncidentsFollowTheClockAndAnEmptiedCellStops() throws Exception {
    IncidentCard urgent = sample.get(0);
    IncidentCard async = sample.stream().filter(c -> !c.sla().urgent() && c.closedAt().isEmpty()).findFirst().orElseThrow();
    IncidentCard closed = sample.stream().filter(c -> c.closedAt().isPresent()).findFirst().orElseThrow();
    FxTestSupport.onFx(() -> items.setAll(closed));
    cells();
    assertEquals(0, FxTestSupport.onFx(clock::subscribers), "a closed incident's card shows fixed texts");
    FxTestSupport.onFx(() -> items.setAll(async));
    cells();
    assertEquals(1, FxTestSupport.onFx(clock::subscribers), "an open async incident: its duration, no countdown");
    FxTestSupport.onFx(() -> items.setAll(urgent));
    cells();
    assertEquals(2, FxTestSupport.onFx(clock::subscribers), "an urgent one: its countdown and its duration");
    FxTestSupport.onFx(() -> items.clear());
    cells();
    assertEquals(0, FxTestSupport.onFx(clock::subscribers), "an emptied cell stops listening");
  }

  @Test
  void emptyCellsBelowTheLastCardShowNoCardAndRefilledCellsShowTheirNewIncident() throws Exception {
    FxTestSupport.onFx(() -> items.setAll(sample.get(0)));
    List<IncidentCardCell> cells = cells();
    assertTrue(cells.size() > 1, "a card and the empty cells below it fill the list: " + cells.size());
    assertEquals(CardText.title(sample.get(0)), title(cells.get(0)));
    for (IncidentCardCell empty : cells.subList(1, cells.size())) {
      assertNull(empty.getGraphic(), "an empty cell shows nothing");
      assertFalse(empty.hasCard(), "a cell that never showed an incident built no card");
    }

    FxTestSupport.onFx(() -> items.clear());
    assertTrue(cells().isEmpty(), "an emptied list shows its placeholder, no cell");

    // Cells that were empty, or built their card for another incident, show the incidents given now.
    FxTestSupport.onFx(() -> items.setAll(sample.subList(1, 4)));
    cells = cells();
    for (int i = 0; i < 3; i++) {
      assertEquals(CardText.title(sample.get(1 + i)), title(cells.get(i)));
    }
    for (IncidentCardCell empty : cells.subList(3, cells.size())) {
      assertNull(empty.getGraphic());
    }
  }
}
