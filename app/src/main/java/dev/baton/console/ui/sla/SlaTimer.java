package dev.baton.console.ui.sla;

import dev.baton.console.incident.Sla;
import dev.baton.console.sla.Countdown;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.Instant;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The card's SLA cell: the live countdown of an urgent incident, or its class. Listens to the
 * shared {@link SlaClock} only while it {@link #show shows} an urgent incident.
 *
 * <p>A tick must not lay out the card: with hundreds of cards on screen, the layout a new text
 * requests up through its card and list was most of a tick's cost. So the text is an unmanaged
 * {@link Text} (its changes request no layout) in this box, which asks its parent for layout only
 * when the text's width can have changed: another length (the font is monospaced), another phase
 * (async and retro use another font), another font (wall mode). The phase is a pseudo-class of
 * the box, so a phase change restyles the timer alone, never its card.
 */
public final class SlaTimer extends Region {

  private final SlaClock clock;
  private final Text text = new Text();
  private Runnable unsubscribe;
  private Sla sla;
  private Countdown.Phase phase;
  /** The text's length and phase, which fix its width; -1 before the first text. */
  private int widthClass = -1;

  public SlaTimer(SlaClock clock) {
    this.clock = clock;
    getStyleClass().add(BatonStyle.SLA);
    // "text": the theme's rendering of a label's text (grey smoothing, centred bounds).
    text.getStyleClass().add("text");
    text.setManaged(false);
    text.fontProperty().addListener(o -> requestLayout());
    getChildren().add(text);
  }

  public void show(Sla newSla) {
    clear();
    sla = newSla;
    if (newSla.urgent()) {
      unsubscribe = clock.subscribe(this::update);
    } else {
      update(clock.now());
    }
  }

  /** Stops listening to the clock: the cell no longer shows an incident. */
  public void clear() {
    if (unsubscribe != null) {
      unsubscribe.run();
      unsubscribe = null;
    }
    sla = null;
    setText("");
  }

  public Countdown.Phase phase() {
    return phase;
  }

  /** What the timer shows now: {@code 04:59}, {@code +01:15}, {@code async}. */
  public String text() {
    return text.getText();
  }

  /** The node that draws the text: its fill and font are the phase's. */
  public Text textNode() {
    return text;
  }

  private void update(Instant now) {
    Countdown.Reading reading = Countdown.read(sla, now);
    if (reading.phase() != phase) {
      if (phase != null) {
        pseudoClassStateChanged(BatonStyle.sla(phase), false);
      }
      phase = reading.phase();
      pseudoClassStateChanged(BatonStyle.sla(phase), true);
    }
    setText(reading.text());
  }

  private void setText(String newText) {
    text.setText(newText);
    int newWidthClass = newText.length() * 8 + (phase == null ? 7 : phase.ordinal());
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
