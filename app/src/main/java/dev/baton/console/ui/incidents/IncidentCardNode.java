package dev.baton.console.ui.incidents;

import dev.baton.console.incident.AlertState;
import dev.baton.console.incident.CardText;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.WorkflowStatus;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.sla.SlaTimer;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One incident card, as PRODUCT.md describes it: timer, severity, project, holder chain and
 * assignee, state icons, runbooks, alerts, duration; the short description; the firing span and
 * the labels with their aggregated values (click adds {@code ~name = "value"} to the filter,
 * Alt-click {@code !=}). Nodes are built once and refilled by {@link #show}: list cells reuse them
 * as the list scrolls, and the detail pane's header is one.
 */
public final class IncidentCardNode {

  private final SlaClock clock;
  private final CardText text;
  private final LabelClicks labelClicks;
  private final Predicate<IncidentCard> unseen;

  private final SlaTimer timer;
  private final Label fresh = new Label("NEW");
  private final Label severity = new Label();
  private final Label project = new Label();
  private final Label holders = new Label();
  private final Label assignee = new Label();
  private final HBox icons = new HBox(6);
  private final Label runbooks = iconLabel(Feather.BOOK_OPEN, "runbooks");
  private final Label alerts = iconLabel(Feather.CORNER_DOWN_RIGHT, "alerts");
  private final Label duration = new Label();
  private final Label title = new Label();
  private final Label span = new Label();
  private final FlowPane labels = new FlowPane(12, 2);
  private final VBox card;

  public IncidentCardNode(SlaClock clock, ZoneId zone, LabelClicks labelClicks, Predicate<IncidentCard> unseen) {
    this.clock = clock;
    this.text = new CardText(zone);
    this.labelClicks = labelClicks;
    this.unseen = unseen;
    this.timer = new SlaTimer(clock);
    fresh.getStyleClass().add(BatonStyle.CARD_NEW);
    severity.getStyleClass().add(BatonStyle.SEVERITY);
    project.getStyleClass().add(BatonStyle.CARD_PROJECT);
    holders.getStyleClass().add(BatonStyle.CARD_HOLDER);
    assignee.getStyleClass().add(BatonStyle.CARD_MUTED);
    duration.getStyleClass().add(BatonStyle.CARD_MUTED);
    span.getStyleClass().add(BatonStyle.CARD_MUTED);
    title.getStyleClass().add(BatonStyle.CARD_TITLE);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox header = new HBox(fresh, timer, severity, project, holders, assignee, grow, icons, runbooks, alerts, duration);
    header.getStyleClass().add(BatonStyle.CARD_LINE);
    HBox spanLine = new HBox(span);
    spanLine.getStyleClass().add(BatonStyle.CARD_LINE);
    card = new VBox(header, title, spanLine, labels);
    card.getStyleClass().add(BatonStyle.CARD);
  }

  /** Stops following the clock (the cell is empty or off screen). */
  public void clear() {
    timer.clear();
  }

  /** Fills the card with {@code item} as of now. */
  public void show(IncidentCard item) {
    var now = clock.now();
    timer.show(item.sla());
    severity.setText(item.severity().label());
    severity.getStyleClass().setAll(BatonStyle.SEVERITY, BatonStyle.severity(item.severity()));
    project.setText(item.project());
    holders.setText(CardText.holderChain(item));
    assignee.setText(item.assignee().isEmpty() ? "" : "· " + item.assignee());
    icons.getChildren().setAll(stateIcons(item));
    runbooks.setText(Integer.toString(item.runbooks()));
    runbooks.setVisible(item.runbooks() > 0);
    runbooks.setManaged(item.runbooks() > 0);
    alerts.setText(Integer.toString(item.alertCount()));
    duration.setText(CardText.duration(CardText.lasted(item, now)));
    title.setText(item.shortDescription().isEmpty() ? String.join(", ", item.triggers()) : item.shortDescription());
    span.setText(item.firingSummary().map(f -> text.span(f, now)).orElse("instant events only"));
    labels.getChildren().setAll(labelChips(item.labels()));
    boolean isNew = unseen.test(item);
    fresh.setVisible(isNew);
    fresh.setManaged(isNew);
    card.getStyleClass().remove(BatonStyle.CARD_S1);
    if (item.severity().level() == 1) {
      card.getStyleClass().add(BatonStyle.CARD_S1);
    }
  }

  public VBox node() {
    return card;
  }

  private static List<Node> stateIcons(IncidentCard card) {
    java.util.ArrayList<Node> nodes = new java.util.ArrayList<>();
    if (card.state() != AlertState.NONE) {
      Ikon ikon = switch (card.state()) {
        case FIRING -> Feather.ALERT_CIRCLE;
        case OK -> Feather.CHECK_CIRCLE;
        case UNKNOWN -> Feather.HELP_CIRCLE;
        default -> Feather.CLOCK;
      };
      nodes.add(icon(ikon, "baton-state-" + card.state().wireName(), card.state().wireName()));
    }
    card.snoozed().ifPresent(s -> nodes.add(icon(Feather.MOON, "baton-state-snoozed",
        s.forever() ? "snoozed forever" : "snoozed until " + s.until())));
    return nodes;
  }

  private static Node icon(Ikon ikon, String style, String tip) {
    FontIcon icon = new FontIcon(ikon);
    icon.getStyleClass().addAll(BatonStyle.STATE_ICON, style);
    Label holder = new Label(null, icon);
    holder.setTooltip(new Tooltip(tip));
    holder.setId(style);
    return holder;
  }

  private static Label iconLabel(Ikon ikon, String what) {
    FontIcon icon = new FontIcon(ikon);
    icon.getStyleClass().addAll(BatonStyle.STATE_ICON, "baton-state-" + what);
    Label label = new Label("", icon);
    label.getStyleClass().add(BatonStyle.CARD_MUTED);
    label.setTooltip(new Tooltip(what));
    return label;
  }

  private List<Node> labelChips(Map<String, List<String>> values) {
    return labelChips(values, labelClicks);
  }

  /** {@code name = v1, v2} chips whose values add {@code ~name = "v"} to the filter on click ({@code !=} with Alt). */
  public static List<Node> labelChips(Map<String, List<String>> values, LabelClicks labelClicks) {
    java.util.ArrayList<Node> chips = new java.util.ArrayList<>();
    values.forEach((name, vals) -> {
      HBox chip = new HBox();
      chip.getStyleClass().add(BatonStyle.LABEL_CHIP);
      Label key = new Label(name + " = ");
      key.getStyleClass().add(BatonStyle.LABEL_NAME);
      chip.getChildren().add(key);
      for (int i = 0; i < vals.size(); i++) {
        String value = vals.get(i);
        Label v = new Label(value + (i < vals.size() - 1 ? "," : ""));
        v.getStyleClass().add(BatonStyle.LABEL_VALUE);
        v.setTooltip(new Tooltip("Click: filter ~" + name + " = \"" + value + "\"; Alt-click: !="));
        // On press, not click: a press on a card selects it, which may lay the card out anew
        // before the release, and a click would then never arrive.
        v.setOnMousePressed(e -> {
          if (e.isPrimaryButtonDown()) {
            labelClicks.clicked(name, value, e.isAltDown());
            e.consume();
          }
        });
        chip.getChildren().add(v);
      }
      chips.add(chip);
    });
    return chips;
  }
}
