package dev.baton.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One alert as Alertmanager 0.25 answers {@code GET /api/v2/alerts} (its {@code gettableAlert}). */
public record GettableAlert(
    Map<String, String> annotations,
    Instant endsAt,
    String fingerprint,
    List<Receiver> receivers,
    Instant startsAt,
    Status status,
    Instant updatedAt,
    @JsonProperty("generatorURL") String generatorUrl,
    Map<String, String> labels) {

  public record Receiver(String name) {
  }

  /** @param state active, suppressed or unprocessed */
  public record Status(List<String> inhibitedBy, List<String> silencedBy, String state) {
  }
}
