package dev.baton.console.ui.incidents;

import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.sla.SlaClock;
import java.time.ZoneId;
import java.util.function.Predicate;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;

/** A list cell showing one {@link IncidentCardNode}, reused as the list scrolls. */
public final class IncidentCardCell extends ListCell<IncidentCard> {

  private final IncidentCardNode card;

  public IncidentCardCell(SlaClock clock, ZoneId zone, LabelClicks labelClicks, Predicate<IncidentCard> unseen) {
    this.card = new IncidentCardNode(clock, zone, labelClicks, unseen);
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
  }

  @Override
  protected void updateItem(IncidentCard item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null) {
      card.clear();
      setGraphic(null);
      return;
    }
    card.show(item);
    setGraphic(card.node());
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
