package dev.baton.console.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.theme.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The labels block: chips wrap whole, values take clicks, texts are reused. */
@ExtendWith(ApplicationExtension.class)
class LabelChipsFxTest {

  private final List<String> clicks = new ArrayList<>();
  private LabelChips chips;
  private Group holder;

  @Start
  void start(Stage stage) {
    chips = new LabelChips((name, value, negate) -> clicks.add((negate ? "!" : "") + name + "=" + value));
    // The test gives the chips their width, whatever size earlier tests left the stage.
    holder = new Group(chips);
    holder.setAutoSizeChildren(false);
    Scene scene = new Scene(holder, 1300, 200);
    Theme.LIGHT.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  private static Map<String, List<String>> labels() {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    labels.put("alertname", List.of("DiskWillFillIn4h"));
    labels.put("instance", List.of("db1:9100", "db2:9100"));
    labels.put("mountpoint", List.of("/var/opt/gitlab"));
    return labels;
  }

  private Text text(String shown) {
    return (Text) chips.getChildrenUnmodifiable().stream()
        .filter(n -> ((Text) n).getText().equals(shown)).findFirst().orElseThrow();
  }

  /** Lays the chips out now, {@code width} wide, rather than at the next pulse. */
  private void laidOut(double width) {
    holder.applyCss();
    chips.resize(width, chips.prefHeight(width));
    chips.layout();
  }

  private double y(Node node) {
    return node.getBoundsInParent().getMinY();
  }

  @Test
  void chipsWrapWholeInTheWidthGiven(FxRobot robot) throws Exception {
    FxTestSupport.onFx(() -> chips.show(labels()));
    WaitForAsyncUtils.waitForFxEvents();
    // 300 px: the first chip and the second do not fit on one row; the second keeps its values with it
    FxTestSupport.onFx(() -> {
      laidOut(300);
      Text instance = text("instance = ");
      assertEquals(y(instance), y(text("db1:9100,")), 0.5, "a value on its name's row");
      assertEquals(y(instance), y(text("db2:9100")), 0.5);
      assertTrue(y(instance) > y(text("alertname = ")), "the second chip on a row of its own");
      assertTrue(text("db1:9100,").getBoundsInParent().getMaxX() <= chips.getWidth());
      assertTrue(chips.getHeight() >= y(text("mountpoint = ")) + text("mountpoint = ").getLayoutBounds().getHeight() - 0.5,
          "the box is as tall as its rows");
    });
    // wide enough for everything: one row
    FxTestSupport.onFx(() -> {
      laidOut(1200);
      assertEquals(y(text("alertname = ")), y(text("mountpoint = ")), 0.5);
      assertTrue(text("instance = ").getBoundsInParent().getMinX() > text("DiskWillFillIn4h").getBoundsInParent().getMaxX());
    });
  }

  @Test
  void aValueClickedFiltersOnItsNameAndValueAndAltNegates(FxRobot robot) throws Exception {
    FxTestSupport.onFx(() -> chips.show(labels()));
    FxTestSupport.awaitPulse(); // the texts are placed by a layout: clicked before it, they all sit at 0,0

    robot.clickOn(text("db2:9100"));
    robot.press(KeyCode.ALT).clickOn(text("/var/opt/gitlab")).release(KeyCode.ALT);
    robot.clickOn(text("instance = ")); // a name is not a filter
    assertEquals(List.of("instance=db2:9100", "!mountpoint=/var/opt/gitlab"), clicks);
  }

  @Test
  void theSameShapeAgainReusesItsTexts(FxRobot robot) throws Exception {
    FxTestSupport.onFx(() -> chips.show(labels()));
    List<Node> before = FxTestSupport.onFx(() -> List.copyOf(chips.getChildrenUnmodifiable()));
    Map<String, List<String>> other = new LinkedHashMap<>();
    other.put("job", List.of("node"));
    other.put("host", List.of("a", "b"));
    other.put("zone", List.of("eu-1"));
    FxTestSupport.onFx(() -> chips.show(other));
    List<Node> after = FxTestSupport.onFx(() -> List.copyOf(chips.getChildrenUnmodifiable()));
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertSame(before.get(i), after.get(i));
    }
    assertEquals("host = ", FxTestSupport.onFx(() -> ((Text) chips.getChildrenUnmodifiable().get(2)).getText()));
    FxTestSupport.onFx(() -> chips.show(Map.of("only", List.of("one"))));
    assertEquals(2, FxTestSupport.onFx(() -> chips.getChildrenUnmodifiable().size()));
  }
}
