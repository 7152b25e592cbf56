package dev.baton.server.config;

import java.time.Duration;
import java.util.List;

/**
 * A team: its queue ({@code #name}) holds incidents until a member takes them.
 *
 * @param name          the queue's name, without {@code #}
 * @param members       the people of the team (without {@code @})
 * @param escalation    holders ({@code #team} / {@code @person}) an urgent incident held by this team
 *                      moves to, in order, each time it is not taken by its deadline
 * @param escalateAfter time each escalation step gets before the next; null: the incident's response time
 */
public record TeamConfig(String name, List<String> members, List<String> escalation, Duration escalateAfter) {

  public TeamConfig {
    members = List.copyOf(members);
    escalation = List.copyOf(escalation);
  }
}
