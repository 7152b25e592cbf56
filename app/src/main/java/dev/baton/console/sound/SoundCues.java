package dev.baton.console.sound;

import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.WorkflowStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When the wall chimes (and shows a desktop notification, when asked to): a new urgent S1–S3
 * incident that nobody took, and an incident that goes
 * overdue (its response deadline passes while it is still open). Each incident goes overdue
 * audibly once; what was overdue already when the console started does not chime.
 */
public final class SoundCues {

  /** The worst severities chime on arrival: S1..S3. */
  public static final int CHIME_UP_TO = 3;

  private final Set<Long> overdue = new HashSet<>();
  private boolean primed;

  /** Whether {@code card}, new to the console, calls for the chime. */
  public boolean arrived(IncidentCard card) {
    return card.status() == WorkflowStatus.OPEN && card.sla().urgent()
        && card.severity().level() <= CHIME_UP_TO;
  }

  /** Those of {@code cards} that went overdue since the last tick (at most one chime per tick for all of them). */
  public List<IncidentCard> tick(Instant now, Collection<IncidentCard> cards) {
    Set<Long> overdueNow = new HashSet<>();
    List<IncidentCard> fresh = new ArrayList<>();
    for (IncidentCard card : cards) {
      if (card.status() == WorkflowStatus.OPEN && card.sla().urgent() && card.sla().deadline().isBefore(now)) {
        overdueNow.add(card.id());
        if (primed && !overdue.contains(card.id())) {
          fresh.add(card);
        }
      }
    }
    overdue.retainAll(overdueNow);
    overdue.addAll(overdueNow);
    primed = true;
    return fresh;
  }
}
