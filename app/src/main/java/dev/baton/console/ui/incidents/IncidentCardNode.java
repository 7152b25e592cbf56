package dev.baton.console.ui.incidents;

import dev.baton.console.incident.AlertState;
import dev.baton.console.incident.CardText;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.Severity;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.sla.SlaTimer;
import dev.baton.console.ui.sla.TickingText;
import dev.baton.console.ui.theme.BatonStyle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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

  /** Over how many seconds the durations of incidents opened together turn their minute (followDuration). */
  private static final int DURATION_SPREAD_SECONDS = 5;
  /** Pulls a count towards its icon: the header's spacing is for separate parts. */
  private static final Insets COUNT_MARGIN = new Insets(0, 0, 0, -4);

  private final SlaClock clock;
  private final CardText text;
  private final Predicate<IncidentCard> unseen;

  /**
   * The tooltips every card shares: a tooltip is a popup window with a scene of its own. Made when
   * the first card is, on the FX thread.
   */
  private static final class Tips {
    static final Map<AlertState, Tooltip> STATE = new EnumMap<>(AlertState.class);
    static final Tooltip RUNBOOKS = new Tooltip("runbooks");
    static final Tooltip ALERTS = new Tooltip("alerts");
    static final Tooltip LABELS = new Tooltip("Click a value: filter ~name = \"value\"; Alt-click: !=");
  }

  private final SlaTimer timer;
  private final Label fresh = new Label("NEW");
  private final Label severity = new Label();
  // Texts, not labels, wherever the theme's label box is not needed: a label is two nodes, a text
  // one, and every pulse that changes anything walks all nodes of the scene.
  private final Text project = text(BatonStyle.CARD_PROJECT);
  private final Text holders = text(BatonStyle.CARD_HOLDER);
  private final Text assignee = text(BatonStyle.CARD_MUTED);
  /** One icon per state, built once; {@link #show} puts in the header only those that apply. */
  private final Map<AlertState, FontIcon> stateIcons = new EnumMap<>(AlertState.class);
  private final FontIcon snoozedIcon = icon(Feather.MOON, "baton-state-snoozed");
  /** Made on the first snoozed incident this card shows: its text is the card's own. */
  private Tooltip snoozedTip;
  private final FontIcon runbooksIcon = icon(Feather.BOOK_OPEN, "baton-state-runbooks");
  private final Text runbooks = count(Tips.RUNBOOKS);
  private final FontIcon alertsIcon = icon(Feather.CORNER_DOWN_RIGHT, "baton-state-alerts");
  private final Text alerts = count(Tips.ALERTS);
  /** How long the incident has lasted; an open one's grows with the clock (CardText.openDuration). */
  private final TickingText duration = new TickingText(BatonStyle.CARD_MUTED);
  private Runnable durationTicks;
  private final Label title = new Label();
  private final Text span = text(BatonStyle.CARD_MUTED);
  private final LabelChips labels;
  private final HBox header = new HBox();
  private final Region grow = new Region();
  private final VBox card;
  /** What the label chips and style classes show now: unchanged parts are not rebuilt or restyled. */
  private Map<String, List<String>> labelsShown;
  private Severity severityShown;

  public IncidentCardNode(SlaClock clock, ZoneId zone, LabelClicks labelClicks, Predicate<IncidentCard> unseen) {
    this.clock = clock;
    this.text = new CardText(zone);
    this.unseen = unseen;
    this.timer = new SlaTimer(clock);
    this.labels = new LabelChips(labelClicks);
    fresh.getStyleClass().add(BatonStyle.CARD_NEW);
    severity.getStyleClass().add(BatonStyle.SEVERITY);
    title.getStyleClass().add(BatonStyle.CARD_TITLE);
    HBox.setHgrow(grow, Priority.ALWAYS);
    for (AlertState state : List.of(AlertState.FIRING, AlertState.OK, AlertState.UNKNOWN, AlertState.PENDING)) {
      Ikon ikon = switch (state) {
        case FIRING -> Feather.ALERT_CIRCLE;
        case OK -> Feather.CHECK_CIRCLE;
        case UNKNOWN -> Feather.HELP_CIRCLE;
        default -> Feather.CLOCK;
      };
      FontIcon icon = icon(ikon, "baton-state-" + state.wireName());
      Tooltip.install(icon, Tips.STATE.computeIfAbsent(state, s -> new Tooltip(s.wireName())));
      stateIcons.put(state, icon);
    }
    Tooltip.install(runbooksIcon, Tips.RUNBOOKS);
    Tooltip.install(alertsIcon, Tips.ALERTS);
    Tooltip.install(labels, Tips.LABELS);
    header.getStyleClass().add(BatonStyle.CARD_LINE);
    card = new VBox(header, title, span, labels);
    card.getStyleClass().add(BatonStyle.CARD);
  }

  /** Stops following the clock (the cell is empty or off screen). */
  public void clear() {
    timer.clear();
    stopDurationTicks();
  }

  private void stopDurationTicks() {
    if (durationTicks != null) {
      durationTicks.run();
      durationTicks = null;
    }
  }

  /**
   * Fills the card with {@code item} as of now. Only what differs from the card shown before is
   * touched: a style class or a node changed costs a CSS pass over it, and a list cell shows
   * another card at every scroll step.
   */
  public void show(IncidentCard item) {
    var now = clock.now();
    timer.show(item.sla());
    if (!item.severity().equals(severityShown)) {
      severity.setText(item.severity().label());
      severity.getStyleClass().setAll(BatonStyle.SEVERITY, BatonStyle.severity(item.severity()));
      boolean s1 = item.severity().level() == 1;
      if (s1 != card.getStyleClass().contains(BatonStyle.CARD_S1)) {
        if (s1) {
          card.getStyleClass().add(BatonStyle.CARD_S1);
        } else {
          card.getStyleClass().remove(BatonStyle.CARD_S1);
        }
      }
      severityShown = item.severity();
    }
    project.setText(item.project());
    holders.setText(CardText.holderChain(item));
    assignee.setText("· " + item.assignee());
    runbooks.setText(Integer.toString(item.runbooks()));
    showHeader(item, unseen.test(item));
    item.snoozed().ifPresent(s -> {
      if (snoozedTip == null) {
        snoozedTip = new Tooltip();
        Tooltip.install(snoozedIcon, snoozedTip);
      }
      snoozedTip.setText(s.forever() ? "snoozed forever" : "snoozed until " + s.until());
    });
    alerts.setText(Integer.toString(item.alertCount()));
    stopDurationTicks();
    if (item.closedAt().isPresent()) {
      duration.setText(CardText.duration(CardText.lasted(item, now)));
    } else {
      followDuration(item);
    }
    title.setText(CardText.title(item));
    span.setText(item.firingSummary().map(f -> text.span(f, now)).orElse("instant events only"));
    if (!item.labels().equals(labelsShown)) {
      labels.show(item.labels());
      labelsShown = item.labels();
    }
  }

  /**
   * Shows how long the open {@code item} has lasted, anew each time the minute it shows has passed.
   * A storm opens many incidents in one second, and their minutes would all turn in one frame: each
   * card turns its own 0–4 s late, by incident id, so a wall of them changes over five ticks.
   */
  private void followDuration(IncidentCard item) {
    Duration late = Duration.ofSeconds(Math.floorMod(item.id(), DURATION_SPREAD_SECONDS));
    Instant[] nextMinute = {Instant.MIN};
    durationTicks = clock.subscribe(at -> {
      if (at.isBefore(nextMinute[0])) {
        return; // most ticks: only the countdown beside it changes
      }
      Duration lasted = CardText.lasted(item, at.minus(late));
      duration.setText(CardText.openDuration(lasted));
      nextMinute[0] = item.opened().plus(Duration.ofMinutes(Math.max(0, lasted.toMinutes()) + 1)).plus(late);
    });
  }

  /**
   * Puts in the header line only the parts this card shows. A hidden node would still cost every
   * pulse: each one that changes anything walks all nodes of the scene (their bounds).
   */
  private void showHeader(IncidentCard item, boolean isNew) {
    List<Node> parts = new ArrayList<>(12);
    if (isNew) {
      parts.add(fresh);
    }
    parts.addAll(List.of(timer, severity, project, holders));
    if (!item.assignee().isEmpty()) {
      parts.add(assignee);
    }
    parts.add(grow);
    if (stateIcons.containsKey(item.state())) {
      parts.add(stateIcons.get(item.state()));
    }
    if (item.snoozed().isPresent()) {
      parts.add(snoozedIcon);
    }
    if (item.runbooks() > 0) {
      parts.addAll(List.of(runbooksIcon, runbooks));
    }
    parts.addAll(List.of(alertsIcon, alerts, duration));
    if (!header.getChildren().equals(parts)) {
      header.getChildren().setAll(parts);
    }
  }

  public VBox node() {
    return card;
  }

  private static FontIcon icon(Ikon ikon, String style) {
    FontIcon icon = new FontIcon(ikon);
    icon.getStyleClass().addAll(BatonStyle.STATE_ICON, style);
    return icon;
  }

  /** A count beside its icon, as close to it as a label's graphic was. */
  private static Text count(Tooltip tip) {
    Text count = text(BatonStyle.CARD_MUTED);
    HBox.setMargin(count, COUNT_MARGIN);
    Tooltip.install(count, tip);
    return count;
  }

  /** A text styled as the theme styles a label's ({@code text}) plus {@code style}. */
  static Text text(String style) {
    Text text = new Text();
    text.getStyleClass().addAll("text", style);
    return text;
  }
}
