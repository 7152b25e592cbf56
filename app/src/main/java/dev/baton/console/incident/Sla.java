package dev.baton.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident's service-level obligation: its class and, for urgent ones, the required response
 * time and the deadline (opened + response time, recomputed by the receiver when severity rises).
 */
public record Sla(SlaClass slaClass, Duration responseTime, Instant deadline) {

  public Sla {
    Objects.requireNonNull(slaClass, "slaClass");
    if (slaClass == SlaClass.URGENT && (responseTime == null || deadline == null)) {
      throw new IllegalArgumentException("an urgent SLA needs a response time and a deadline");
    }
  }

  public static Sla urgent(Duration responseTime, Instant deadline) {
    return new Sla(SlaClass.URGENT, responseTime, deadline);
  }

  public static Sla async() {
    return new Sla(SlaClass.ASYNC, null, null);
  }

  public static Sla retro() {
    return new Sla(SlaClass.RETRO, null, null);
  }

  public boolean urgent() {
    return slaClass == SlaClass.URGENT;
  }
}
