package dev.baton.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.incident.Sla;
import dev.baton.console.sla.Countdown;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.sla.SlaTimer;
import dev.baton.console.ui.theme.BatonStyle;
import dev.baton.console.ui.theme.Theme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window the console opens (post-mortems, analytics) wears the console's theme, and follows a switch. */
@ExtendWith(ApplicationExtension.class)
class DialogsThemeFxTest {

  private static final String BATON_CSS = Theme.class.getResource("baton.css").toExternalForm();

  private Scene main;
  private Stage window;

  @Start
  void start(Stage stage) {
    main = new Scene(new StackPane(new Label("main")), 300, 200);
    stage.setScene(main);
    stage.show();
  }

  @AfterEach
  void back() throws Exception {
    FxTestSupport.onFx(() -> {
      if (window != null) {
        window.hide();
      }
      Theme.LIGHT.apply(main);
    });
  }

  @Test
  void aWindowOpenedInTheDarkThemeIsDarkAndFollowsASwitch() throws Exception {
    // A timer 1 of its 10 minutes before the deadline: amber.
    Instant now = Instant.parse("2026-11-21T18:00:00Z");
    SlaTimer timer = new SlaTimer(new SlaClock(Clock.fixed(now, ZoneOffset.UTC)));
    timer.show(Sla.urgent(Duration.ofMinutes(10), now.plusSeconds(60)));
    assertEquals(Countdown.Phase.AMBER, timer.phase());
    Text amber = timer.textNode();
    window = FxTestSupport.onFx(() -> {
      Theme.DARK.apply(main);
      Stage opened = Dialogs.window(main.getWindow(), "Analytics — Baton", new StackPane(timer), 300, 200);
      opened.getScene().getRoot().applyCss();
      return opened;
    });
    Scene scene = window.getScene();
    assertTrue(scene.getStylesheets().contains(BATON_CSS), scene.getStylesheets().toString());
    assertTrue(scene.getRoot().getStyleClass().contains(BatonStyle.DARK), scene.getRoot().getStyleClass().toString());
    assertEquals(Color.web("#f0a500"), amber.getFill(), "baton.css's dark amber, not the light one");

    FxTestSupport.onFx(() -> {
      Theme.LIGHT.apply(main);
      scene.getRoot().applyCss();
    });
    assertTrue(scene.getRoot().getStyleClass().contains(BatonStyle.LIGHT));
    assertFalse(scene.getRoot().getStyleClass().contains(BatonStyle.DARK), "the switch reached the open window");
    assertEquals(Color.web("#b86e00"), amber.getFill());
    assertEquals(Theme.LIGHT, Theme.current());
  }
}
