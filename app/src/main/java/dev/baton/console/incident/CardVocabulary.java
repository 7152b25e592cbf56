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
 * triggers, holders. A snapshot, indexed the first time a word is asked for: the list makes a new
 * one at every change (10,000 cards at start, every burst of stream events), and completion asks
 * only while somebody types.
 */
public final class CardVocabulary implements Vocabulary {

  private final List<IncidentCard> cards;
  private final Set<String> knownTeams;
  private Words words;

  public CardVocabulary(Collection<IncidentCard> cards, Set<String> knownTeams) {
    this.cards = List.copyOf(cards);
    this.knownTeams = Set.copyOf(knownTeams);
  }

  /** The words of every card, sorted. */
  private static final class Words {

    final Map<String, Set<String>> labels = new TreeMap<>();
    final Map<String, Set<String>> fields = new TreeMap<>();
    final Set<String> people = new TreeSet<>();
    final Set<String> teams = new TreeSet<>();

    Words(List<IncidentCard> cards, Set<String> knownTeams) {
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
  }

  private synchronized Words words() {
    if (words == null) {
      words = new Words(cards, knownTeams);
    }
    return words;
  }

  @Override
  public List<String> labelNames() {
    return new ArrayList<>(words().labels.keySet());
  }

  @Override
  public List<String> labelValues(String label) {
    return new ArrayList<>(words().labels.getOrDefault(label, Set.of()));
  }

  @Override
  public List<String> fieldValues(String field) {
    return new ArrayList<>(words().fields.getOrDefault(field, Set.of()));
  }

  @Override
  public List<String> people() {
    return new ArrayList<>(words().people);
  }

  @Override
  public List<String> teams() {
    return new ArrayList<>(words().teams);
  }
}
