package dev.baton.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One normalized observation decoded from a message, whatever wire format it came in.
 *
 * @param labels          identifying and descriptive labels; never empty; sorted by name, unmodifiable
 * @param annotations     summary, description, runbook_url, …; sorted by name, unmodifiable
 * @param kind            instant fact or lasting condition
 * @param status          what the sender says about the condition now
 * @param startsAt        when the condition began, or null when the sender did not say
 * @param endsAt          when it ended (resolved) or is expected to end unless refreshed (firing), or null
 * @param refreshInterval how often the sender repeats a lasting alert while it holds, or null if unknown
 * @param dedupKey        the sender's own identity for the alert (PagerDuty dedup_key, Baton dedup_key), or null.
 *                        PagerDuty acknowledge and resolve events carry nothing but this key (their
 *                        labels are just {@code dedup_key}); they must be applied to the alert
 *                        with the same key, not treated as an alert of their own
 * @param generatorUrl    link back to the sender's view of the alert, or null
 */
public record Event(
    Map<String, String> labels,
    Map<String, String> annotations,
    Kind kind,
    Status status,
    Instant startsAt,
    Instant endsAt,
    Duration refreshInterval,
    String dedupKey,
    String generatorUrl) {

  public enum Kind {
    INSTANT, LASTING;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** As stored: {@code instant}, {@code lasting}. */
    public String wire() {
      return wire;
    }
  }

  /**
   * ACKNOWLEDGED comes only from senders with an acknowledge action (PagerDuty Events v2): someone
   * is working on the alert; it is still firing.
   */
  public enum Status {
    FIRING, RESOLVED, ACKNOWLEDGED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** As stored: {@code firing}, {@code resolved}, {@code acknowledged}. */
    public String wire() {
      return wire;
    }
  }

  public Event {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
  }
}
