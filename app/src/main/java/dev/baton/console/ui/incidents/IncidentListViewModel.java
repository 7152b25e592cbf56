package dev.baton.console.ui.incidents;

import dev.baton.console.incident.CardVocabulary;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentChange;
import dev.baton.console.incident.IncidentOrder;
import dev.baton.console.incident.IncidentSource;
import dev.baton.console.incident.IncidentSubjects;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.incident.Operator;
import dev.baton.console.task.TaskExecutor;
import dev.baton.mql.Mql;
import dev.baton.mql.complete.Vocabulary;
import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The incident list's state: every card the console holds, the side bar view and the MQL filter
 * that narrow it, counts per view, the selection, and which new urgent incidents are not seen yet.
 * Cards come from an {@link IncidentSource}, loaded off the UI thread and then kept current by its
 * changes.
 */
public final class IncidentListViewModel implements AutoCloseable {

  private final IncidentSource source;
  private final TaskExecutor tasks;
  private final Operator me;
  private final IncidentSubjects subjects;

  private final ObservableList<IncidentCard> cards = FXCollections.observableArrayList();
  private final Map<Long, Integer> index = new HashMap<>();
  private final FilteredList<IncidentCard> filtered = new FilteredList<>(cards);
  private final SortedList<IncidentCard> shown = new SortedList<>(filtered, IncidentOrder.BY_URGENCY);
  private final ReadOnlyObjectWrapper<IncidentView> view = new ReadOnlyObjectWrapper<>(IncidentView.URGENT);
  private final Map<IncidentView, ReadOnlyIntegerWrapper> counts = new EnumMap<>(IncidentView.class);
  private final ObjectProperty<IncidentCard> selected = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper connectionProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Vocabulary> vocabulary = new ReadOnlyObjectWrapper<>(Vocabulary.NONE);
  private final Set<Long> unseen = new HashSet<>();
  /** MQL subjects by card id, built once per card version: a keystroke only evaluates. */
  private final Map<Long, Subject> subjectCache = new HashMap<>();
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
  private CompiledQuery query;
  private Consumer<IncidentCard> onArrival = card -> { };
  private AutoCloseable subscription;

  public IncidentListViewModel(IncidentSource source, TaskExecutor tasks, Operator me, Mql mql) {
    this.source = source;
    this.tasks = tasks;
    this.me = me;
    this.subjects = new IncidentSubjects(mql);
    for (IncidentView v : IncidentView.values()) {
      counts.put(v, new ReadOnlyIntegerWrapper());
    }
    refilter();
    selected.addListener((obs, was, now) -> {
      if (now != null) {
        unseen.remove(now.id());
      }
    });
  }

  /** Loads every card off the UI thread, then follows the source's changes. */
  public void load() {
    loading.set(true);
    status.set("Loading incidents…");
    tasks.execute(source::load, loaded -> {
      loading.set(false);
      replaceAll(loaded);
      status.set(loaded.size() + " incidents");
      connected.set(true);
      follow();
    }, failure -> {
      loading.set(false);
      status.set("Cannot load incidents: " + failure.getMessage());
      connectionProblem.set(failure.getMessage());
      connected.set(false);
      // The source keeps trying; its first answer brings every card.
      follow();
    });
  }

  private void follow() {
    if (subscription == null) {
      subscription = source.subscribe(change -> tasks.onUiThread(() -> apply(change)));
    }
  }

  /** Applies one change from the stream, keeping the selection. */
  public void apply(IncidentChange change) {
    if (change instanceof IncidentChange.Upserted upserted) {
      IncidentCard card = upserted.card();
      subjectCache.remove(card.id());
      Integer at = index.get(card.id());
      if (at == null) {
        index.put(card.id(), cards.size());
        cards.add(card);
        if (card.sla().urgent() && card.status().active()) {
          unseen.add(card.id());
        }
        onArrival.accept(card);
      } else {
        cards.set(at, card);
      }
      IncidentCard current = selected.get();
      if (current != null && current.id() == card.id()) {
        selected.set(card);
      }
    } else if (change instanceof IncidentChange.Removed removed) {
      subjectCache.remove(removed.id());
      Integer at = index.remove(removed.id());
      if (at != null) {
        cards.remove((int) at);
        reindex();
      }
      unseen.remove(removed.id());
    } else if (change instanceof IncidentChange.Disconnected lost) {
      connectionProblem.set(lost.reason());
      connected.set(false);
      return;
    } else if (change instanceof IncidentChange.Reconnected) {
      connected.set(true);
      status.set("Reconnected");
      return;
    } else {
      load();
      return;
    }
    recount();
  }

  private void replaceAll(List<IncidentCard> loaded) {
    subjectCache.clear();
    cards.setAll(loaded);
    reindex();
    recount();
  }

  private void reindex() {
    index.clear();
    for (int i = 0; i < cards.size(); i++) {
      index.put(cards.get(i).id(), i);
    }
  }

  private void recount() {
    for (IncidentView v : IncidentView.values()) {
      counts.get(v).set((int) cards.stream().filter(c -> v.contains(c, me)).count());
    }
    vocabulary.set(new CardVocabulary(cards, me.teams()));
    revision.set(revision.get() + 1);
  }

  private Subject subject(IncidentCard card) {
    return subjectCache.computeIfAbsent(card.id(), id -> subjects.of(card));
  }

  /** How many cards {@code v} holds that match {@code q} (null: all of them). */
  public int count(IncidentView v, CompiledQuery q) {
    int n = 0;
    for (IncidentCard card : cards) {
      if (v.contains(card, me) && (q == null || q.test(subject(card)))) {
        n++;
      }
    }
    return n;
  }

  /** Every {@code @person} and {@code #team} in the holder chains of the cards held, sorted. */
  public List<String> holdersSeen() {
    java.util.TreeSet<String> seen = new java.util.TreeSet<>();
    for (IncidentCard card : cards) {
      seen.addAll(card.holderChain());
    }
    return List.copyOf(seen);
  }

  /** Called for each incident that arrives after the first load (not for those loaded). */
  public void setOnArrival(Consumer<IncidentCard> listener) {
    this.onArrival = listener;
  }

  /** Every card held, whatever the view and filter. */
  public List<IncidentCard> cards() {
    return java.util.Collections.unmodifiableList(cards);
  }

  /** Goes up whenever the cards change, for whoever derives figures from them. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** Narrows the list to incidents matching {@code compiled}; null shows the whole view. */
  public void filter(CompiledQuery compiled) {
    query = compiled;
    refilter();
  }

  public void show(IncidentView newView) {
    view.set(newView);
    refilter();
  }

  private void refilter() {
    IncidentView v = view.get();
    CompiledQuery q = query;
    Predicate<IncidentCard> inView = card -> v.contains(card, me);
    filtered.setPredicate(q == null ? inView : inView.and(card -> q.test(subject(card))));
  }

  /** Whether {@code card} is a new urgent incident nobody has selected yet. */
  public boolean unseen(IncidentCard card) {
    return unseen.contains(card.id());
  }

  /** The cards to show, filtered and in urgency order. */
  public ObservableList<IncidentCard> shown() {
    return shown;
  }

  public ReadOnlyIntegerProperty count(IncidentView v) {
    return counts.get(v).getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<IncidentView> viewProperty() {
    return view.getReadOnlyProperty();
  }

  public ObjectProperty<IncidentCard> selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** False while the receiver does not answer (the source keeps trying). */
  public ReadOnlyBooleanProperty connectedProperty() {
    return connected.getReadOnlyProperty();
  }

  /** Why the receiver was last lost, in words. */
  public ReadOnlyStringProperty connectionProblemProperty() {
    return connectionProblem.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Completion words from the cards held now. */
  public ReadOnlyObjectProperty<Vocabulary> vocabularyProperty() {
    return vocabulary.getReadOnlyProperty();
  }

  @Override
  public void close() throws Exception {
    if (subscription != null) {
      subscription.close();
    }
  }
}
