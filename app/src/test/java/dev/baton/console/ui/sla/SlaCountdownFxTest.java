package dev.baton.console.ui.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.LiveConsole;
import dev.baton.console.MovableClock;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.ListIncidentSource;
import dev.baton.console.incident.Operator;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.console.sla.Countdown.Phase;
import dev.baton.console.task.DirectTaskExecutor;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.incidents.IncidentListView;
import dev.baton.console.ui.incidents.IncidentListViewModel;
import dev.baton.console.ui.theme.Theme;
import dev.baton.mql.Mql;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The card's SLA timer driven by the shared clock with a fake time source: calm, amber, red and counting up. */
@ExtendWith(ApplicationExtension.class)
class SlaCountdownFxTest {

  private static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");
  private final MovableClock time = new MovableClock(NOW);
  private SlaClock clock;
  private ListIncidentSource source;

  @Start
  void start(Stage stage) {
    clock = new SlaClock(time);
    // The S1 card: 60 s to respond, 40 s left. Plus 300 more urgent cards below it.
    List<IncidentCard> cards = new ArrayList<>(List.of(SampleIncidents.around(NOW).get(0)));
    IncidentCard template = SampleIncidents.around(NOW).get(2);
    for (int i = 0; i < 300; i++) {
      cards.add(SampleIncidents.card(1000 + i, "bulk", "Gold", template.triggers(), 3, List.of("l1"), "",
          "bulk " + i, template.status(), template.state(), 1, template.firing(), template.opened(),
          dev.baton.console.incident.Sla.urgent(Duration.ofMinutes(30), NOW.plusSeconds(3600 + i)), null, 0,
          template.labels()));
    }
    source = new ListIncidentSource(cards);
    IncidentListViewModel model = new IncidentListViewModel(source, new DirectTaskExecutor(),
        new Operator("alice", Set.of()), Mql.forIncidents());
    IncidentListView view = new IncidentListView(model, clock, ZoneOffset.UTC, (n, v, neg) -> { });
    Scene scene = new Scene(view.root(), 1000, 700);
    Theme.LIGHT.apply(scene);
    stage.setScene(scene);
    stage.show();
    model.load();
  }

  private static java.util.Optional<SlaTimer> topTimer(FxRobot robot) {
    return robot.lookup((javafx.scene.Node n) -> n instanceof SlaTimer).queryAllAs(SlaTimer.class).stream()
        .filter(t -> t.text() != null && !t.text().isEmpty())
        .min((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()));
  }

  /**
   * The top card's timer, once the list's cells are laid out and styled (a pulse or two after the
   * load, later on a loaded machine).
   */
  private SlaTimer firstTimer(FxRobot robot) throws Exception {
    LiveConsole.await("the cards' timers on screen", () -> topTimer(robot).isPresent());
    FxTestSupport.awaitPulse();
    return topTimer(robot).orElseThrow();
  }

  private void tick(Duration by) throws Exception {
    time.advance(by);
    FxTestSupport.onFx(clock::tick);
    FxTestSupport.awaitPulse(); // the phase's colours come from CSS, the box's size from layout
  }

  @Test
  void turnsAmberInTheLastFifthThenRedAndCountsUp(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    SlaTimer timer = firstTimer(robot);
    assertEquals("00:40", timer.text());
    assertEquals(Phase.CALM, timer.phase());
    Color calm = (Color) timer.textNode().getFill();

    tick(Duration.ofSeconds(27));
    assertEquals("00:13", timer.text());
    assertEquals(Phase.CALM, timer.phase());
    assertEquals(calm, timer.textNode().getFill());

    tick(Duration.ofSeconds(1));
    assertEquals("00:12", timer.text());
    assertEquals(Phase.AMBER, timer.phase());
    assertEquals(Color.web("#b86e00"), timer.textNode().getFill(), "baton.css's light amber");

    tick(Duration.ofSeconds(12));
    assertEquals("+00:00", timer.text());
    assertEquals(Phase.OVERDUE, timer.phase());
    assertEquals(Color.WHITE, timer.textNode().getFill(), "white on red");
    assertEquals(Color.web("#d1242f"), timer.getBackground().getFills().get(0).getFill());

    tick(Duration.ofSeconds(75));
    assertEquals("+01:15", timer.text());

    tick(Duration.ofHours(1));
    assertEquals("+1:01:15", timer.text());
    double textWidth = timer.textNode().getLayoutBounds().getWidth();
    assertTrue(textWidth + 12 > 80, "wider than the timer's minimum: " + textWidth);
    assertTrue(timer.getWidth() >= textWidth + 12, "the box grew to hold the longer text and its padding: "
        + timer.getWidth() + " for " + textWidth);
  }

  /** Ticks {@code by} later and says which of {@code nodes} then need layout. */
  private boolean[] tickAndSeeLayout(Duration by, javafx.scene.Parent... nodes) throws Exception {
    return FxTestSupport.onFx(() -> {
      // Lay out now what is still waiting for a pulse (the cells just made), so only the tick's own work is seen.
      nodes[0].getScene().getRoot().layout();
      time.advance(by);
      clock.tick();
      boolean[] needs = new boolean[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        needs[i] = nodes[i].isNeedsLayout();
      }
      return needs;
    });
  }

  @Test
  void aTickLaysOutNothingButTheTimerUnlessItsWidthChanges(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    SlaTimer timer = firstTimer(robot);
    // 40 s to go: 00:39 is as wide as 00:40, so the card need not be laid out.
    boolean[] laidOut = tickAndSeeLayout(Duration.ofSeconds(1), timer, timer.getParent());
    assertEquals("00:39", timer.text());
    assertTrue(!laidOut[0] && !laidOut[1], "a tick of the same width laid out the timer or its card line");
    // 00:00 then +00:01: one character more, and red; now the card line must make room.
    laidOut = tickAndSeeLayout(Duration.ofSeconds(40), timer, timer.getParent());
    assertEquals("+00:01", timer.text());
    assertTrue(laidOut[0] && laidOut[1], "a wider text must lay out the card line");
  }

  @Test
  void anOpenIncidentsDurationGrowsWithTheClockAndLaysOutItsCardOnlyWhenLonger(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    SlaTimer timer = firstTimer(robot);
    // The S1 card's incident opened 20 s ago and is still open: its duration counts minutes.
    TickingText duration = FxTestSupport.onFx(() -> timer.getParent().getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof TickingText && !(n instanceof SlaTimer)).map(TickingText.class::cast)
        .findFirst().orElseThrow());
    assertEquals("0m", duration.text());
    boolean[] laidOut = tickAndSeeLayout(Duration.ofSeconds(1), duration, duration.getParent());
    assertEquals("0m", duration.text());
    assertTrue(!laidOut[0] && !laidOut[1], "a tick that changed no text laid out the card line");
    // Only the duration itself: the card line is laid out anyway, the timer turned red, one character longer.
    // 61 s after it opened: incident 101 turns its minutes 1 s late (IncidentCardNode spreads them by id).
    boolean laidOutItself = tickAndSeeLayout(Duration.ofSeconds(40), duration)[0];
    assertEquals("1m", duration.text(), "a minute after it opened");
    assertTrue(!laidOutItself, "a duration of the same width asked for layout");

    tick(Duration.ofMinutes(9));
    assertEquals("10m", duration.text());
    assertEquals(duration.prefWidth(-1), duration.getWidth(), 0.5, "the card line made room for the longer text");
  }

  @Test
  void incidentsOpenedTogetherTurnTheirMinutesOverFiveTicks(FxRobot robot) throws Exception {
    firstTimer(robot);
    // The 300 bulk cards' incidents opened together, exactly 2 h 30 min before NOW.
    List<String> now = bulkDurations(robot);
    assertTrue(now.size() >= 5, "bulk cards on screen: " + now);
    assertTrue(now.contains("2h 30m") && now.contains("2h 29m"), "some turned at once, the rest later: " + now);
    for (int second = 1; second < 4; second++) {
      tick(Duration.ofSeconds(1));
    }
    assertTrue(bulkDurations(robot).contains("2h 29m"), "one card in five turns 4 s late: " + bulkDurations(robot));
    tick(Duration.ofSeconds(1));
    assertEquals(Set.of("2h 30m"), Set.copyOf(bulkDurations(robot)), "all turned within five ticks");
  }

  /** The durations of the bulk cards on screen. */
  private static List<String> bulkDurations(FxRobot robot) throws Exception {
    return FxTestSupport.onFx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof TickingText && !(n instanceof SlaTimer)
            && FxTestSupport.shown(n)).queryAllAs(TickingText.class).stream()
        .map(TickingText::text).filter(t -> t.startsWith("2h")).toList());
  }

  @Test
  void onlyCardsOnScreenListenToTheClock(FxRobot robot) throws Exception {
    firstTimer(robot); // the cells on screen are made
    // Each urgent card on screen: its timer and its open incident's duration.
    int listening = FxTestSupport.onFx(clock::subscribers);
    assertTrue(listening > 6 && listening < 80, "301 urgent cards, " + listening + " timers and durations listening");
  }

  /**
   * The timer's digits are drawn where its baseline is, also after the theme changed under it. A
   * theme change restyles the text's font, and a drawing made with the baseline of the font before
   * sat 3 px high beside the card's other texts.
   */
  @Test
  void drawsItsDigitsOnItsBaselineAfterTheThemeChanged(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    SlaTimer timer = firstTimer(robot);
    assertEquals(timer.getBaselineOffset(), lowestInkRow(timer) + 1, 1.0, "light theme");
    FxTestSupport.onFx(() -> Theme.DARK.apply(timer.getScene()));
    FxTestSupport.awaitPulse();
    FxTestSupport.awaitPulse();
    assertEquals(timer.getBaselineOffset(), lowestInkRow(timer) + 1, 1.0, "dark theme");
  }

  /** The lowest pixel row of {@code timer} with ink on it: digits stand on the baseline. */
  private static int lowestInkRow(SlaTimer timer) throws Exception {
    javafx.scene.image.Image image = FxTestSupport.onFx(() -> {
      // Paper the ink stands out on: the dark theme's light digits, the light theme's dark ones.
      javafx.scene.SnapshotParameters paper = new javafx.scene.SnapshotParameters();
      paper.setFill(((Color) timer.textNode().getFill()).getBrightness() > 0.5 ? Color.BLACK : Color.WHITE);
      return timer.snapshot(paper, null);
    });
    javafx.scene.image.PixelReader pixels = image.getPixelReader();
    Color paper = pixels.getColor(0, 0);
    int lowest = -1;
    for (int y = 0; y < (int) image.getHeight(); y++) {
      for (int x = 0; x < (int) image.getWidth(); x++) {
        Color c = pixels.getColor(x, y);
        double contrast = Math.abs(c.getRed() - paper.getRed()) + Math.abs(c.getGreen() - paper.getGreen())
            + Math.abs(c.getBlue() - paper.getBlue());
        if (contrast > 0.6) {
          lowest = y;
        }
      }
    }
    assertTrue(lowest >= 0, "no ink in the timer");
    return lowest;
  }
}
