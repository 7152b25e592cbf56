package dev.baton.console.analytics;

import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.SlaReport;
import java.io.IOException;
import java.time.Instant;

/** The receiver's reports the analytics view charts. Blocks: call it off the UI thread. */
public interface Reports {

  /** Analytics over the incidents opened in {@code [from, to)} that match {@code mql}; each may be null. */
  IncidentReport incidents(Instant from, Instant to, String mql) throws IOException;

  /** SLA compliance and noise over the same incidents. */
  SlaReport sla(Instant from, Instant to, String mql) throws IOException;
}
