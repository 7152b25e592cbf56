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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
  /** Changes from the source not yet applied (the source calls from its own thread). */
  private final Queue<IncidentChange> incoming = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  /**
   * A read of every card started on the source's thread the moment it asked for one, before the
   * UI thread (busy building the window at start) gets to its {@link IncidentChange.Reload}.
   */
  private final AtomicReference<CompletableFuture<List<IncidentCard>>> readAhead = new AtomicReference<>();
  /** A read of every card is under way or waiting to be applied: a reload then waits its turn (one read at a time). */
  private final AtomicBoolean reading = new AtomicBoolean();
  /** A read of every card is under way; {@link #arrivedWhileFetching} waits for it. */
  private boolean fetching;
  /** The source asked for another read while one was under way. */
  private boolean fetchAgain;
  /** A read has succeeded since the subscription began. */
  private final ReadOnlyBooleanWrapper fetched = new ReadOnlyBooleanWrapper(false);
  private final List<IncidentChange> arrivedWhileFetching = new ArrayList<>();

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

  /**
   * Follows the source's changes and reads every card once the source says to ({@link
   * IncidentChange.Reload}, its first change once connected): subscribing first and reading after
   * means nothing between the read and the subscription is missed, and the list is read once.
   */
  public void load() {
    loading.set(true);
    status.set("Loading incidents…");
    if (subscription == null) {
      subscription = source.subscribe(this::receive);
    }
  }

  /**
   * Queues a change from the source (any thread) and drains the queue on the UI thread: a burst of
   * stream events is applied in one go, with one recount. A reload starts reading at once: the read
   * begins after the source asked for it, and the changes queued behind it wait for its result.
   */
  private void receive(IncidentChange change) {
    if (change instanceof IncidentChange.Reload && reading.compareAndSet(false, true)) {
      CompletableFuture<List<IncidentCard>> read = new CompletableFuture<>();
      readAhead.set(read);
      tasks.execute(source::load, read::complete, read::completeExceptionally);
    }
    incoming.add(change);
    if (drainScheduled.compareAndSet(false, true)) {
      tasks.onUiThread(this::drain);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    boolean changed = false;
    for (IncidentChange change = incoming.poll(); change != null; change = incoming.poll()) {
      changed |= applyOne(change);
    }
    if (changed) {
      recount();
    }
  }

  /**
   * Reads every card off the UI thread — or takes the read the source's last reload started —
   * and applies it on the UI thread; changes arriving meanwhile are applied after the read.
   */
  private void fetch() {
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    loading.set(true);
    CompletableFuture<List<IncidentCard>> read = readAhead.getAndSet(null);
    if (read == null) {
      reading.set(true);
      read = new CompletableFuture<>();
      tasks.execute(source::load, read::complete, read::completeExceptionally);
    }
    // completed on the UI thread (the executor's callbacks), or already
    read.whenComplete((loaded, failure) -> {
      if (failure == null) {
        fetched.set(true);
        replaceAll(loaded);
        prepareSubjects(loaded);
        status.set(loaded.size() + " incidents");
        connected.set(true);
      } else {
        status.set("Cannot load incidents: " + failure.getMessage());
        connectionProblem.set(failure.getMessage());
        connected.set(false);
      }
      fetchDone();
    });
  }

  private void fetchDone() {
    fetching = false;
    reading.set(false);
    loading.set(false);
    List<IncidentChange> later = List.copyOf(arrivedWhileFetching);
    arrivedWhileFetching.clear();
    boolean changed = false;
    for (IncidentChange change : later) {
      changed |= applyOne(change);
    }
    if (changed) {
      recount();
    }
    if (fetchAgain) {
      fetchAgain = false;
      fetch();
    }
  }

  /** Applies one change (a stream event, or the card an action answered with), keeping the selection. */
  public void apply(IncidentChange change) {
    if (applyOne(change)) {
      recount();
    }
  }

  /** Applies {@code change}; true when the cards changed (then they need recounting). */
  private boolean applyOne(IncidentChange change) {
    if (fetching && (change instanceof IncidentChange.Upserted || change instanceof IncidentChange.Removed)) {
      // The read under way may be older than this change: apply it once the read is in.
      arrivedWhileFetching.add(change);
      return false;
    }
    if (change instanceof IncidentChange.Upserted upserted) {
      return upsert(upserted.card());
    } else if (change instanceof IncidentChange.Removed removed) {
      subjectCache.remove(removed.id());
      unseen.remove(removed.id());
      Integer at = index.remove(removed.id());
      if (at == null) {
        return false;
      }
      cards.remove((int) at);
      reindex();
      return true;
    } else if (change instanceof IncidentChange.Disconnected lost) {
      connectionProblem.set(lost.reason());
      connected.set(false);
    } else if (change instanceof IncidentChange.Reconnected) {
      connected.set(true);
      status.set("Reconnected");
      if (!fetched.get()) {
        fetch();
      }
    } else {
      fetch();
    }
    return false;
  }

  /** Adds or replaces {@code card}; a version older than (or the same as) the one held is ignored. */
  private boolean upsert(IncidentCard card) {
    Integer at = index.get(card.id());
    if (at == null) {
      index.put(card.id(), cards.size());
      cards.add(card);
      if (card.sla().urgent() && card.status().active()) {
        unseen.add(card.id());
      }
      onArrival.accept(card);
    } else if (cards.get(at).version() >= card.version()) {
      return false;
    } else {
      subjectCache.remove(card.id());
      cards.set(at, card);
    }
    IncidentCard current = selected.get();
    if (current != null && current.id() == card.id()) {
      selected.set(card);
    }
    return true;
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

  /**
   * Builds the MQL subjects of a read's cards off the UI thread, so that the first filter typed
   * only evaluates: building 10,000 subjects on the UI thread made that keystroke take 0.2-0.5 s.
   * The typical filters are then evaluated over them, so that it evaluates with compiled code.
   * A card replaced or removed meanwhile keeps what it has (its subject is built when needed).
   */
  private void prepareSubjects(List<IncidentCard> loaded) {
    tasks.execute(() -> {
      List<Subject> built = loaded.stream().map(subjects::of).toList();
      subjects.warmUp(built);
      return built;
    }, built -> {
      for (int i = 0; i < loaded.size(); i++) {
        IncidentCard card = loaded.get(i);
        Integer at = index.get(card.id());
        if (at != null && cards.get(at) == card) {
          subjectCache.putIfAbsent(card.id(), built.get(i));
        }
      }
    }, failure -> { }); // nothing lost: each subject is built when a filter first needs it
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

  /** True once every card was read (the list shows what the receiver holds). */
  public ReadOnlyBooleanProperty loadedProperty() {
    return fetched.getReadOnlyProperty();
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
