package dev.baton.console.ui.theme;

import dev.baton.console.incident.Severity;
import dev.baton.console.sla.Countdown;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;

/** Style classes of baton.css, so views never spell them by hand. */
public final class BatonStyle {

  public static final String LIGHT = "baton-light";
  public static final String DARK = "baton-dark";
  public static final String WALL = "baton-wall";

  public static final String CARD = "baton-card";
  public static final String CARD_LINE = "baton-card-line";
  public static final String CARD_PROJECT = "baton-card-project";
  public static final String CARD_TITLE = "baton-card-title";
  public static final String CARD_MUTED = "baton-card-muted";
  public static final String CARD_HOLDER = "baton-card-holder";
  public static final String CARD_NEW = "baton-card-new";
  public static final String CARD_S1 = "baton-card-s1";
  public static final String LABEL_CHIPS = "baton-label-chips";
  public static final String LABEL_NAME = "baton-label-name";
  public static final String LABEL_VALUE = "baton-label-value";

  public static final String SEVERITY = "baton-severity";
  public static final String SLA = "baton-sla";
  public static final String STATE_ICON = "baton-state-icon";

  public static final String SIDEBAR = "baton-sidebar";
  public static final String STATUS_BAR = "baton-status-bar";
  public static final String PLACEHOLDER = "baton-placeholder";

  public static final String FILTER = "baton-filter";
  public static final String FILTER_ERROR = "baton-filter-error";
  public static final String FILTER_HINT = "baton-filter-hint";
  public static final String FILTER_ERROR_RANGE = "mql-error";

  public static final String SNOOZE_FOREVER = "baton-snooze-forever";
  public static final String VALIDATION = "baton-validation";

  public static final String PM_SECTION = "baton-pm-section";
  public static final String PM_QUESTION = "baton-pm-question";
  public static final String PM_TIME = "baton-pm-time";
  public static final String PM_NOTE = "baton-pm-note";
  public static final String PM_TEXT_PREVIEW = "baton-pm-text-preview";
  public static final String DROP_TARGET = "baton-drop-target";
  public static final String CHART_CARD = "baton-chart-card";
  public static final String SOURCE_MISSING = "baton-source-missing";

  private static final Map<Countdown.Phase, PseudoClass> SLA_PHASES = new EnumMap<>(Countdown.Phase.class);

  static {
    for (Countdown.Phase phase : Countdown.Phase.values()) {
      SLA_PHASES.put(phase, PseudoClass.getPseudoClass(phase.name().toLowerCase(Locale.ROOT)));
    }
  }

  private BatonStyle() {
  }

  /** {@code baton-s1} … {@code baton-s9}: the badge colour of a severity. */
  public static String severity(Severity severity) {
    return "baton-s" + severity.level();
  }

  /**
   * {@code :amber}, {@code :overdue}, …: the pseudo-class of a countdown phase on a {@link #SLA}
   * timer, which sets its colour. A pseudo-class, not a style class: changing it restyles the
   * timer alone, not everything under it anew.
   */
  public static PseudoClass sla(Countdown.Phase phase) {
    return SLA_PHASES.get(phase);
  }

  /** {@code mql-word}, {@code mql-string}, …: the colour of an MQL token kind. */
  public static String mql(String kind) {
    return "mql-" + kind;
  }
}
