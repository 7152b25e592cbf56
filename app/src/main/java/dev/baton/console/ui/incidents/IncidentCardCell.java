package dev.baton.console.ui.incidents;

import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.sla.SlaClock;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;

/**
 * A list cell showing one {@link IncidentCardNode}, reused as the list scrolls.
 *
 * <p>The card is built when the cell first shows an incident. A filter that empties the list or
 * leaves a few cards makes the list fill its height with empty cells, each a line tall (19 cells
 * where 8 cards were, in a window 800 pixels tall). Built with the cell, a card would be built for
 * each of them and never shown.
 */
public final class IncidentCardCell extends ListCell<IncidentCard> {

  private final Supplier<IncidentCardNode> newCard;
  private IncidentCardNode card;

  public IncidentCardCell(SlaClock clock, ZoneId zone, LabelClicks labelClicks, Predicate<IncidentCard> unseen) {
    this.newCard = () -> new IncidentCardNode(clock, zone, labelClicks, unseen);
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
  }

  @Override
  protected void updateItem(IncidentCard item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null) {
      if (card != null) {
        card.clear();
      }
      setGraphic(null);
      return;
    }
    if (card == null) {
      card = newCard.get();
    }
    card.show(item);
    setGraphic(card.node());
  }

  /** Whether this cell has built its card: it has shown an incident. */
  boolean hasCard() {
    return card != null;
  }

  /** As tall as the card at this width: the labels wrap, and every line of them must show. */
  @Override
  protected double computePrefHeight(double width) {
    if (getGraphic() == null) {
      return super.computePrefHeight(width);
    }
    double inner = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
    return snappedTopInset() + card.node().prefHeight(inner) + snappedBottomInset();
  }
}
