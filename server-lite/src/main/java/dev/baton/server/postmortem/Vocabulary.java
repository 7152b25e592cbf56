package dev.baton.server.postmortem;

import dev.baton.api.model.Choice;
import dev.baton.api.model.PostmortemOptions;
import dev.baton.api.model.PostmortemSection;
import dev.baton.server.config.PostmortemConfig;
import java.util.List;

/**
 * The words a post-mortem's fields accept: fixed lists (status, detection, damage) that the
 * analytics rely on, and the configured ones (trigger categories, alert kinds, the template).
 */
public final class Vocabulary {

  public static final String DRAFT = "draft";
  public static final String DONE = "done";
  /** Detection methods the report contrasts: noticed by an alert, or by users. */
  public static final String BY_ALERT = "alert";
  public static final String BY_USER = "user_report";
  public static final String NOT_JUDGED = "no";

  static final List<Choice> STATUSES = List.of(
      new Choice(DRAFT, "Draft"), new Choice("in_review", "In review"), new Choice(DONE, "Done"));
  static final List<Choice> DETECTION = List.of(
      new Choice(BY_ALERT, "Alert"),
      new Choice(BY_USER, "User report"),
      new Choice("colleague", "A colleague noticed"),
      new Choice("dashboard", "Seen on a dashboard"),
      new Choice("other", "Other"));
  static final List<Choice> DAMAGE = List.of(
      new Choice("unavailability", "Unavailability, errors"),
      new Choice("slowness", "Slowness, higher latency"),
      new Choice("wrong_behaviour", "Visible wrong behaviour"),
      new Choice("data_loss", "Data loss or corruption"),
      new Choice("other", "Other"));
  static final List<Choice> ALERT_WOULD_HAVE = List.of(
      new Choice(NOT_JUDGED, "No alert would have helped"),
      new Choice("prevented", "An alert would have prevented it"),
      new Choice("shortened", "An alert would have made it shorter"));

  private final PostmortemConfig config;
  private final List<Choice> triggers;
  private final List<Choice> alertKinds;

  public Vocabulary(PostmortemConfig config) {
    this.config = config;
    this.triggers = config.triggers().stream().map(c -> new Choice(c.id(), c.label())).toList();
    this.alertKinds = config.alertKinds().stream().map(c -> new Choice(c.id(), c.label())).toList();
  }

  public PostmortemConfig config() {
    return config;
  }

  List<Choice> triggers() {
    return triggers;
  }

  List<Choice> alertKinds() {
    return alertKinds;
  }

  /** The template's sections with empty answers. */
  List<PostmortemSection> template() {
    return config.sections().stream().map(s -> new PostmortemSection(s.title(), s.questions(), "")).toList();
  }

  public PostmortemOptions options() {
    return new PostmortemOptions(STATUSES, triggers, DETECTION, DAMAGE, ALERT_WOULD_HAVE, alertKinds, template(),
        ArtifactTypes.ALLOWED, config.maxArtifactBytes(), config.maxTotalBytes(), config.maxArtifacts());
  }

  /** The label of {@code id} in {@code choices}, or the id itself when unknown (a list changed since). */
  public static String label(List<Choice> choices, String id) {
    for (Choice c : choices) {
      if (c.id().equals(id)) {
        return c.label();
      }
    }
    return id;
  }

  public String triggerLabel(String id) {
    return label(triggers, id);
  }

  public String alertKindLabel(String id) {
    return label(alertKinds, id);
  }

  public static String detectionLabel(String id) {
    return label(DETECTION, id);
  }

  public static String damageLabel(String id) {
    return label(DAMAGE, id);
  }

  static String statusLabel(String id) {
    return label(STATUSES, id);
  }

  static String alertWouldHaveLabel(String id) {
    return label(ALERT_WOULD_HAVE, id);
  }
}
