package dev.baton.console.incident;

import dev.baton.mql.complete.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MQL completion words taken from the cards the console holds: label names and values, projects,
 * triggers, holders. A snapshot: build a new one when the cards change. The receiver's own
 * vocabulary ({@code GET /api/v1/labels}) will replace it once the console API exists.
 */
public final class CardVocabulary implements Vocabulary {

  private final Map<String, Set<String>> labels = new TreeMap<>();
  private final Map<String, Set<String>> fields = new TreeMap<>();
  private final Set<String> people = new TreeSet<>();
  private final Set<String> teams = new TreeSet<>();

  public CardVocabulary(Collection<IncidentCard> cards, Set<String> knownTeams) {
    teams.addAll(knownTeams);
    for (IncidentCard card : cards) {
      card.labels().forEach((name, values) -> labels.computeIfAbsent(name, n -> new TreeSet<>()).addAll(values));
      add("project", card.project());
      card.triggers().forEach(t -> add("trigger", t));
      add("holder", card.holder());
      add("assignee", card.assignee());
      if (!card.assignee().isEmpty()) {
        people.add(card.assignee());
      }
    }
  }

  private void add(String field, String value) {
    if (!value.isEmpty()) {
      fields.computeIfAbsent(field, f -> new TreeSet<>()).add(value);
    }
  }

  @Override
  public List<String> labelNames() {
    return new ArrayList<>(labels.keySet());
  }

  @Override
  public List<String> labelValues(String label) {
    return new ArrayList<>(labels.getOrDefault(label, Set.of()));
  }

  @Override
  public List<String> fieldValues(String field) {
    return new ArrayList<>(fields.getOrDefault(field, Set.of()));
  }

  @Override
  public List<String> people() {
    return new ArrayList<>(people);
  }

  @Override
  public List<String> teams() {
    return new ArrayList<>(teams);
  }
}
