package dev.baton.server.config;

import java.util.List;

/**
 * The {@code postmortems} section: the lists a report's dropdowns offer, the template of sections
 * with guiding questions a new report starts from, and bounds on copied artifacts.
 *
 * @param triggers         trigger categories (what directly set the failure off)
 * @param alertKinds       kinds of alert that would have prevented or shortened an incident
 * @param sections         the template: titles with their guiding questions
 * @param maxArtifactBytes largest single artifact
 * @param maxTotalBytes    most artifact bytes one post-mortem may hold
 * @param maxArtifacts     most artifacts one post-mortem may hold
 */
public record PostmortemConfig(List<Choice> triggers, List<Choice> alertKinds, List<Section> sections,
    long maxArtifactBytes, long maxTotalBytes, int maxArtifacts) {

  /** One entry of a list: a stable id stored in reports, a label shown to people. */
  public record Choice(String id, String label) {
  }

  /** A template section: its title and the questions that help fill it. */
  public record Section(String title, List<String> questions) {

    public Section {
      questions = List.copyOf(questions);
    }
  }

  public static final List<Choice> DEFAULT_TRIGGERS = List.of(
      new Choice("release", "Release"),
      new Choice("configuration_change", "Configuration change"),
      new Choice("hardware_maintenance", "Hardware maintenance"),
      new Choice("capacity", "Capacity (load, disk, quotas)"),
      new Choice("dependency", "Dependency failed"),
      new Choice("unknown", "Unknown"));

  // after the article's "pills": client HTTP errors 10 %, new errors in logs 8 %, system resources 6 %
  public static final List<Choice> DEFAULT_ALERT_KINDS = List.of(
      new Choice("http_errors", "HTTP errors seen by clients"),
      new Choice("new_log_errors", "New kinds of errors in logs"),
      new Choice("system_resources", "System resources (CPU, memory, disk, threads, GC)"),
      new Choice("latency", "Latency"),
      new Choice("availability", "Availability or heartbeat"),
      new Choice("business_metric", "Business metric"),
      new Choice("other", "Other"));

  public static final List<Section> DEFAULT_SECTIONS = List.of(
      new Section("Summary", List.of(
          "What happened, in two or three sentences?",
          "Who was affected, and for how long?")),
      new Section("Damage: qualitative", List.of(
          "Which functions did not work, for how long and for whom?",
          "Was any data lost or corrupted?")),
      new Section("Damage: quantitative", List.of(
          "How many requests failed?",
          "How much did latency grow, in the service's and in its clients' metrics?",
          "How many calls were lost?",
          "How long did the support queue about this problem grow?")),
      new Section("What people saw and did", List.of(
          "What events did you observe?",
          "When were which actions taken?",
          "What result did you expect from each action?",
          "Which assumptions were they based on?",
          "How do you understand the sequence of events now?")),
      new Section("Trigger and causes", List.of(
          "What directly set the failure off (the last straw)?",
          "What made it possible, and what lies behind that?")),
      new Section("Detection", List.of(
          "How was it noticed, and how long after it started?",
          "Which alert would have noticed it earlier, or prevented it?")),
      new Section("Lessons", List.of(
          "What went well?",
          "What would prevent it, or make it shorter, next time?")));

  public static final PostmortemConfig DEFAULT = new PostmortemConfig(DEFAULT_TRIGGERS, DEFAULT_ALERT_KINDS,
      DEFAULT_SECTIONS, 5L * 1024 * 1024, 50L * 1024 * 1024, 50);

  public PostmortemConfig {
    triggers = List.copyOf(triggers);
    alertKinds = List.copyOf(alertKinds);
    sections = List.copyOf(sections);
  }
}
