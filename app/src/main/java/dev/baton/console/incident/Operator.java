package dev.baton.console.incident;

import java.util.Set;

/** The person using the console and the team queues they belong to; decides "Mine" and "My team". */
public record Operator(String name, Set<String> teams) {

  public Operator {
    teams = Set.copyOf(teams);
  }

  public boolean holds(IncidentCard card) {
    return name.equals(card.assignee()) || name.equals(card.holder());
  }

  public boolean teamHolds(IncidentCard card) {
    return teams.contains(card.holder());
  }
}
