package dev.baton.console.ui.incidents;

import dev.baton.console.ui.theme.BatonStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A labels block: {@code name = v1, v2} chips in rows, each chip kept whole on its row; a click on
 * a value adds {@code ~name = "v"} to the filter ({@code !=} with Alt).
 *
 * <p>Names and values are {@link Text}s laid out by this box itself, not labels in a box per chip:
 * a label is two nodes and a chip box one more, and every pulse that changes anything on screen
 * walks all nodes of the scene. Texts are reused from one {@link #show} to the next; a list cell
 * shows another card at every scroll step.
 */
public final class LabelChips extends Region {

  private static final double CHIP_GAP = 12;
  private static final double ROW_GAP = 2;
  private static final double PREF_ROW_WIDTH = 400;
  /** Room each side of a value. */
  private static final double VALUE_MARGIN = 2;

  private final LabelClicks labelClicks;
  private final List<Text> names = new ArrayList<>();
  private final List<Text> values = new ArrayList<>();
  /** What is shown: per chip, its name then its values. */
  private final List<List<Text>> chips = new ArrayList<>();

  public LabelChips(LabelClicks labelClicks) {
    this.labelClicks = labelClicks;
    getStyleClass().add(BatonStyle.LABEL_CHIPS);
  }

  /** Shows {@code labels}: each name with its values, in the map's order. */
  public void show(Map<String, List<String>> labels) {
    chips.clear();
    List<Node> shown = new ArrayList<>();
    int usedValues = 0;
    for (Map.Entry<String, List<String>> label : labels.entrySet()) {
      List<Text> chip = new ArrayList<>();
      Text name = reuse(names, chips.size(), BatonStyle.LABEL_NAME);
      name.setText(label.getKey() + " = ");
      chip.add(name);
      List<String> vals = label.getValue();
      for (int i = 0; i < vals.size(); i++) {
        Text v = reuse(values, usedValues++, BatonStyle.LABEL_VALUE);
        String value = vals.get(i);
        v.setText(value + (i < vals.size() - 1 ? "," : ""));
        String labelName = label.getKey();
        // On press, not click: a press on a card selects it, which may lay the card out anew
        // before the release, and a click would then never arrive.
        v.setOnMousePressed(e -> {
          if (e.isPrimaryButtonDown()) {
            labelClicks.clicked(labelName, value, e.isAltDown());
            e.consume();
          }
        });
        chip.add(v);
      }
      chips.add(chip);
      shown.addAll(chip);
    }
    // Re-adding a node restyles it: change the children only when the chips' shape changed.
    if (!getChildren().equals(shown)) {
      getChildren().setAll(shown);
    }
  }

  /** The {@code i}th text of {@code pool}, made on first use. */
  private static Text reuse(List<Text> pool, int i, String style) {
    if (i == pool.size()) {
      Text text = IncidentCardNode.text(style);
      // A value's whole box takes the click, not only its glyphs' shapes.
      text.setPickOnBounds(style.equals(BatonStyle.LABEL_VALUE));
      pool.add(text);
    }
    return pool.get(i);
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  /**
   * As a flow pane's: rows about {@value #PREF_ROW_WIDTH} wide, or the widest chip. A list cell is
   * as wide as its card wants, so the labels must not ask for one long row.
   */
  @Override
  protected double computePrefWidth(double height) {
    return Math.max(snappedLeftInset() + PREF_ROW_WIDTH + snappedRightInset(), computeMinWidth(height));
  }

  @Override
  protected double computeMinWidth(double height) {
    double widest = 0;
    for (List<Text> chip : chips) {
      widest = Math.max(widest, chipWidth(chip));
    }
    return snappedLeftInset() + widest + snappedRightInset();
  }

  @Override
  protected double computePrefHeight(double width) {
    return flow(width, false);
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    flow(getWidth(), true);
  }

  /**
   * Lays the chips out in rows {@code width} wide (any width when negative), placing the texts
   * when {@code place}; the height the rows take.
   */
  private double flow(double width, boolean place) {
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double right = width < 0 ? Double.MAX_VALUE : width - snappedRightInset();
    double x = left;
    double y = top;
    double row = 0;
    for (List<Text> chip : chips) {
      double chipWidth = chipWidth(chip);
      if (x > left && x + chipWidth > right) {
        x = left;
        y += row + ROW_GAP;
        row = 0;
      }
      double at = x;
      for (int i = 0; i < chip.size(); i++) {
        Text text = chip.get(i);
        Bounds bounds = text.getLayoutBounds();
        double margin = i == 0 ? 0 : VALUE_MARGIN;
        if (place) {
          text.relocate(snapPositionX(at + margin), snapPositionY(y));
        }
        at += margin + bounds.getWidth() + margin;
        row = Math.max(row, bounds.getHeight());
      }
      x += chipWidth + CHIP_GAP;
    }
    return y + row + snappedBottomInset();
  }

  private static double chipWidth(List<Text> chip) {
    double width = 0;
    for (int i = 0; i < chip.size(); i++) {
      width += chip.get(i).getLayoutBounds().getWidth() + (i == 0 ? 0 : 2 * VALUE_MARGIN);
    }
    return width;
  }
}
