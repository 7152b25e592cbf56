package dev.baton.console.ui.sla;

import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A text the 1 Hz {@link SlaClock} changes: an SLA countdown, how long an open incident has lasted.
 *
 * <p>A tick must not touch the scene's geometry. A new text in a {@link Text} node lays its glyphs
 * out and invalidates the bounds of every node above it, up to the scene's root, which the next
 * pulse then recomputes: with hundreds of cards on screen that was most of a tick's cost, and it
 * grew with each level of nesting. So the text is drawn on a {@link Canvas}, whose new drawing
 * changes no bounds, and this box asks for layout only when the text's shape changes (another
 * length, a letter for a digit: the theme's digits are all one width), or its font.
 *
 * <p>A hidden {@link Text} carries the theme's style (the {@code text} class and the owner's
 * classes): the canvas draws with its font and fill, and its bounds, holding a text of the shown
 * one's shape, size the box.
 */
public class TickingText extends Region {

  private final Text style = new Text();
  private final Canvas canvas = new Canvas();
  /** What the canvas shows. */
  private String shown = "";
  /** The font changed since the canvas was drawn. */
  private boolean fontChanged;
  /** The owner's width class of the shown text (a phase in another font); -1 before the first text. */
  private int widthClass = -1;

  /** {@code styleClasses}: the text's, besides the theme's rendering of a label's text ({@code text}). */
  public TickingText(String... styleClasses) {
    style.getStyleClass().add("text");
    style.getStyleClass().addAll(styleClasses);
    style.setVisible(false);
    style.setManaged(false);
    canvas.setManaged(false);
    canvas.setMouseTransparent(true);
    // Change listeners, not invalidation ones: these fire at every change, whether or not the value was read.
    // A new font is drawn at the next layout, when the text's bounds (its baseline) are the new font's.
    style.fontProperty().addListener((o, was, now) -> {
      fontChanged = true;
      requestLayout();
    });
    style.fillProperty().addListener((o, was, now) -> draw());
    getChildren().addAll(style, canvas);
    setAccessibleRole(AccessibleRole.TEXT);
  }

  /** What it shows now. */
  public String text() {
    return shown;
  }

  /** The hidden node that carries the theme's font and fill for the text, and its size. */
  public Text textNode() {
    return style;
  }

  public void setText(String newText) {
    setText(newText, 0);
  }

  /** {@code ownWidthClass}: what else fixes the width, 0..7 (a phase in another font). */
  protected void setText(String newText, int ownWidthClass) {
    if (newText.equals(shown) && ownWidthClass == widthClass) {
      return; // most ticks leave a minute-resolution text as it was
    }
    if (ownWidthClass != widthClass || !sameShape(newText, style.getText())) {
      widthClass = ownWidthClass;
      style.setText(newText);
      requestLayout();
    }
    shown = newText;
    draw();
  }

  /** Whether {@code a} and {@code b} take the same width: digits where digits, the other characters equal. */
  private static boolean sameShape(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && !(Character.isDigit(x) && Character.isDigit(y))) {
        return false;
      }
    }
    return true;
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (!shown.isEmpty()) {
      g.setFont(style.getFont());
      g.setFill(style.getFill());
      g.fillText(shown, 0, baseline());
    }
  }

  /** Centres the text, as a label with {@code -fx-alignment: center} would. */
  @Override
  protected void layoutChildren() {
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    Bounds text = style.getLayoutBounds();
    // Whole pixels, and a pixel to spare: a text of the same shape may still be a little wider.
    double textWidth = Math.ceil(text.getWidth()) + 1;
    double textHeight = Math.ceil(text.getHeight());
    if (canvas.getWidth() != textWidth || canvas.getHeight() != textHeight || fontChanged) {
      canvas.setWidth(textWidth);
      canvas.setHeight(textHeight);
      fontChanged = false;
      draw();
    }
    canvas.relocate(snapPositionX(left + (width - text.getWidth()) / 2), snapPositionY(top + (height - textHeight) / 2));
  }

  @Override
  protected double computeMinWidth(double height) {
    return computePrefWidth(height);
  }

  @Override
  protected double computePrefWidth(double height) {
    return snappedLeftInset() + snapSizeX(style.getLayoutBounds().getWidth()) + snappedRightInset();
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
    return snappedTopInset() + snapSizeY(style.getLayoutBounds().getHeight()) + snappedBottomInset();
  }

  @Override
  protected double computeMaxHeight(double width) {
    return prefHeight(width);
  }

  @Override
  public double getBaselineOffset() {
    return canvas.getLayoutY() + baseline();
  }

  /**
   * From the text's top to its baseline, in the current font. Read from the layout bounds, which the
   * text recomputes when asked: its {@code baselineOffset} binding may not have seen a new font yet.
   */
  private double baseline() {
    return -style.getLayoutBounds().getMinY();
  }

  /** Screen readers read the drawn text. */
  @Override
  public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
    return attribute == AccessibleAttribute.TEXT ? shown : super.queryAccessibleAttribute(attribute, parameters);
  }
}
