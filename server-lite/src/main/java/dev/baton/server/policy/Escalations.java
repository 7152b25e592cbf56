package dev.baton.server.policy;

import dev.baton.server.config.TeamConfig;
import dev.baton.server.incident.Incident;
import dev.baton.server.incident.IncidentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Escalation per team: an urgent incident held by a team's queue and not taken by its response
 * deadline moves to the first holder of that team's escalation list; not taken within the next
 * step ({@code escalate_after}, else its response time), to the next one; at the end of the list it
 * stays. Taking, snoozing or closing it stops the escalation; a person handing it to another team
 * starts that team's list, with a whole step before the first move. Writer thread only. Each
 * incident's progress is saved as it changes (in the writer's transaction), so after a restart an
 * untaken incident continues where it was on its list instead of starting over at a past deadline.
 */
public final class Escalations {

  private static final Duration SHORTEST_STEP = Duration.ofMinutes(1);

  /**
   * One incident to move now.
   *
   * @param team    the team whose list it follows, as {@code #name}
   * @param step    1 for the list's first holder, 2 for the second…
   * @param dueAt   the deadline that passed (epoch ms)
   */
  public record Move(Incident incident, String from, String to, String team, int step, long dueAt) {}

  /**
   * Where an incident is on a team's list: the team ({@code #name}), the index of the next holder,
   * when that move is due (epoch ms), and who held it when this was written.
   */
  public record Progress(String team, int next, long dueAt, String holder) {}

  /** Where progress is kept: {@code progress} null when the incident is not escalating any more. */
  @FunctionalInterface
  public interface ProgressLog {
    void save(long incidentId, Progress progress);
  }

  /** Marks an incident a person just passed on: whichever team holds it next starts with a whole step. */
  private static final Progress HANDED_OVER = new Progress(null, 0, 0, "");

  private final Map<Long, Progress> progress = new HashMap<>();
  /** The teams with an escalation list by holder name ({@code #name}), for the teams map last given. */
  private Map<String, TeamConfig> teamsSeen;
  private Map<String, TeamConfig> listsByHolder = Map.of();

  /** The moves due at {@code now}; each is remembered as done (the caller applies every one). */
  public List<Move> due(Collection<Incident> open, Map<String, TeamConfig> teams, long now, ProgressLog log) {
    Map<String, TeamConfig> lists = listsByHolder(teams);
    if (lists.isEmpty() && progress.isEmpty()) {
      return List.of(); // no escalation lists, nothing escalating: the clock's tick skips every incident
    }
    List<Move> moves = new ArrayList<>();
    Set<Long> escalating = new HashSet<>();
    for (Incident i : open) {
      if (i.slaClass() != SlaClass.URGENT || i.status() != IncidentStatus.OPEN || i.responseDueAt() == 0) {
        continue;
      }
      String holder = i.holding().holder();
      // Ticks walk every open incident each second: nothing is looked up or allocated for the many
      // held by someone without an escalation list and never escalated.
      Progress p = progress.isEmpty() ? null : progress.get(i.id());
      if (p == null || !p.holder().equals(holder)) {
        p = start(i, holder, lists.get(holder), p == null, now);
        if (p == null) {
          continue;
        }
      }
      escalating.add(i.id());
      TeamConfig team = lists.get(p.team());
      if (now < p.dueAt() || team == null || p.next() >= team.escalation().size()) {
        remember(i.id(), p, log);
        continue;
      }
      String to = team.escalation().get(p.next());
      moves.add(new Move(i, holder, to, p.team(), p.next() + 1, p.dueAt()));
      remember(i.id(), new Progress(p.team(), p.next() + 1, now + step(team, i).toMillis(), to), log);
    }
    for (Iterator<Long> ids = progress.keySet().iterator(); ids.hasNext(); ) {
      long id = ids.next();
      if (!escalating.contains(id)) {
        ids.remove();
        log.save(id, null);
      }
    }
    return moves;
  }

  /** A person passed the incident on (handover, take): a team that holds it next gets a whole step. */
  public void handedOver(long incidentId, ProgressLog log) {
    remember(incidentId, HANDED_OVER, log);
  }

  /** Takes the progress saved before (at start, and when the writer reloads its hot state). */
  public void load(Map<Long, Progress> saved) {
    progress.clear();
    progress.putAll(saved);
  }

  private void remember(long incidentId, Progress p, ProgressLog log) {
    if (!p.equals(progress.put(incidentId, p))) {
      log.save(incidentId, p);
    }
  }

  /**
   * The start of a team's list for an incident its queue holds, or null when the holder is not a
   * team with an escalation list ({@code holderTeam} null). Due at the incident's deadline when
   * first seen, else (a person handed it to this team) a whole step after now, and not before the
   * deadline.
   */
  private static Progress start(Incident i, String holder, TeamConfig holderTeam, boolean firstSeen, long now) {
    if (holderTeam == null) {
      return null;
    }
    long due = firstSeen ? i.responseDueAt() : Math.max(i.responseDueAt(), now + step(holderTeam, i).toMillis());
    return new Progress(holder, 0, due, holder);
  }

  private Map<String, TeamConfig> listsByHolder(Map<String, TeamConfig> teams) {
    if (teams != teamsSeen) {
      Map<String, TeamConfig> lists = new HashMap<>();
      teams.forEach((name, team) -> {
        if (!team.escalation().isEmpty()) {
          lists.put("#" + name, team);
        }
      });
      listsByHolder = lists;
      teamsSeen = teams;
    }
    return listsByHolder;
  }

  private static Duration step(TeamConfig team, Incident i) {
    Duration d = team.escalateAfter() != null ? team.escalateAfter() : Duration.ofMillis(i.responseDueAt() - i.openedAt());
    return d.compareTo(SHORTEST_STEP) < 0 ? SHORTEST_STEP : d;
  }
}
