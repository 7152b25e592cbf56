package dev.baton.console.ui.sla;

import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A text the 1 Hz {@link SlaClock} changes: an SLA countdown, how long an open incident has lasted.
 *
 * <p>A tick must not lay out the card: with hundreds of cards on screen, the layout a new text
 * requests up through its card and list was most of a tick's cost. So the text is an unmanaged
 * {@link Text} (its changes request no layout) in this box, which asks its parent for layout only
 * when the text's width can have changed: another length (the theme's digits are all one width),
 * another font, or another width class its owner names (a phase styled in another font).
 */
public class TickingText extends Region {

  private final Text text = new Text();
  /** The text's length and the owner's width class, which fix its width; -1 before the first text. */
  private int widthClass = -1;

  /** {@code styleClasses}: the text's, besides the theme's rendering of a label's text ({@code text}). */
  public TickingText(String... styleClasses) {
    text.getStyleClass().add("text");
    text.getStyleClass().addAll(styleClasses);
    text.setManaged(false);
    text.fontProperty().addListener(o -> requestLayout());
    getChildren().add(text);
  }

  /** What it shows now. */
  public String text() {
    return text.getText();
  }

  /** The node that draws the text: its fill and font are the theme's. */
  public Text textNode() {
    return text;
  }

  public void setText(String newText) {
    setText(newText, 0);
  }

  /** {@code ownWidthClass}: what else fixes the width, 0..7 (a phase in another font). */
  protected void setText(String newText, int ownWidthClass) {
    if (!newText.equals(text.getText())) { // most ticks leave a minute-resolution text as it was
      text.setText(newText);
    }
    int newWidthClass = newText.length() * 8 + ownWidthClass;
    if (newWidthClass != widthClass) {
      widthClass = newWidthClass;
      requestLayout();
    }
  }

  /** Centres the text, as a label with {@code -fx-alignment: center} would. */
  @Override
  protected void layoutChildren() {
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    double textWidth = text.getLayoutBounds().getWidth();
    double textHeight = text.getLayoutBounds().getHeight();
    text.relocate(snapPositionX(left + (width - textWidth) / 2), snapPositionY(top + (height - textHeight) / 2));
  }

  @Override
  protected double computeMinWidth(double height) {
    return computePrefWidth(height);
  }

  @Override
  protected double computePrefWidth(double height) {
    return snappedLeftInset() + snapSizeX(text.getLayoutBounds().getWidth()) + snappedRightInset();
  }

  @Override
  protected double computeMaxWidth(double height) {
    return prefWidth(height);
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected double computePrefHeight(double width) {
    return snappedTopInset() + snapSizeY(text.getLayoutBounds().getHeight()) + snappedBottomInset();
  }

  @Override
  protected double computeMaxHeight(double width) {
    return prefHeight(width);
  }

  @Override
  public double getBaselineOffset() {
    return text.getLayoutY() + text.getLayoutBounds().getMinY() + text.getBaselineOffset();
  }
}
