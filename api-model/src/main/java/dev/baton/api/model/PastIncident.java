package dev.baton.api.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An earlier incident as history and similar lists show it: who held it, how long, what was written. */
public record PastIncident(
    long id,
    String project,
    String trigger,
    String severity,
    String status,
    Instant opened,
    Instant closed,
    Duration duration,
    List<String> holderChain,
    String holder,
    String shortDescription,
    String longDescription,
    int alertCount) {
}
