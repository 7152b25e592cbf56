package dev.baton.console.incident;

import java.util.Set;

/** The person using the console and the team queues they belong to; decides "Mine" and "My team". */
public record Operator(String name, Set<String> teams) {

  public Operator {
    teams = Set.copyOf(teams);
  }

  /** The receiver writes people as {@code @alice} and teams as {@code #l1}; older data and tests spell them bare. */
  public boolean holds(IncidentCard card) {
    return isMe(card.assignee()) || isMe(card.holder());
  }

  public boolean teamHolds(IncidentCard card) {
    String holder = card.holder();
    return teams.contains(holder) || holder.startsWith("#") && teams.contains(holder.substring(1));
  }

  private boolean isMe(String who) {
    return name.equals(who) || who.equals("@" + name);
  }
}
