package dev.baton.server.pipeline;

import dev.baton.mql.eval.CompiledQuery;
import dev.baton.server.alert.Alert;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.heartbeat.SourceState;
import dev.baton.server.incident.IncidentAction;
import dev.baton.server.incident.IncidentCommand;
import dev.baton.server.incident.Refusal;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.policy.SnoozeRule;
import dev.baton.server.policy.SnoozeRuleChange;
import dev.baton.server.store.Store;
import dev.baton.server.store.StoreException;
import dev.baton.server.store.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer with group commit. Requests enqueue their work; one thread drains up to
 * {@code maxBatch} of them, applies everything they derive inside one transaction, commits, and
 * only then completes each request's future. A full queue or a failed commit completes the
 * future exceptionally with {@link Unavailable}: callers answer 503, never 2xx without storing.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  /** How long ok and instant alerts stay in memory after they were last seen. */
  static final Duration RETAIN_IDLE = Duration.ofHours(1);

  private final Store store;
  private final Clock clock;
  private final ReceiverMetrics metrics;
  private final Processor processor;
  private final BlockingQueue<Work> queue;
  private final int maxBatch;
  private final Thread writer;
  private volatile boolean accepting;
  private volatile boolean running;
  private boolean hotStateValid;
  private volatile boolean loaded;
  private final Object readyLock = new Object();
  /** A reloaded configuration waiting for the writer, taken between two batches. */
  private final AtomicReference<Reconfiguration> reconfiguration = new AtomicReference<>();
  /** Bumped by every load, so a warm-up of an earlier load is dropped. */
  private int loadGeneration;
  /** Active alerts read by the warm-up thread, waiting for the writer to take them. */
  private final AtomicReference<WarmUp> warmed = new AtomicReference<>();
  /** The read of the active alerts under way, if any: close waits for it, so nothing opens the file after. */
  private volatile Thread warmUp;

  public Pipeline(Store store, BatonConfig config, Clock clock, ReceiverMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
    this.processor = new Processor(store, config, metrics, RETAIN_IDLE);
    this.queue = new ArrayBlockingQueue<>(config.limits().queueCapacity());
    this.maxBatch = config.limits().maxBatch();
    this.writer = new Thread(this::run, "baton-writer");
    this.writer.setDaemon(true);
    metrics.registry().gauge("baton_queue_depth", "Requests waiting for the writer.", () -> queue.size());
  }

  /**
   * Starts the writer thread, which first loads the hot state from the store. Work submitted
   * meanwhile waits in the queue; {@link #ready()} tells when it is being applied.
   */
  public void start() {
    accepting = true;
    running = true;
    writer.start();
  }

  /** True once the hot state is loaded and the writer applies work. */
  public boolean ready() {
    return loaded;
  }

  /** Waits until {@link #ready()} or the time is up; returns whether it is ready. */
  public boolean awaitReady(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    synchronized (readyLock) {
      while (!loaded) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          readyLock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Stores a request; the future completes once it is committed. */
  public CompletableFuture<Void> submit(Submission submission) {
    return enqueue(new Work(submission, null));
  }

  /** Applies time-based transitions (expiry to unknown, end of pending) as of the clock's now. */
  public CompletableFuture<Void> tick() {
    return enqueue(new Work(null, null));
  }

  /**
   * Applies a person's action to an incident (take, handover, snooze…), serialised with ingest.
   * The future fails with {@link Refusal} when the incident's state does not allow it (nothing of
   * it is applied, its batch-mates are not harmed), or with {@link Unavailable}.
   */
  public CompletableFuture<Void> act(IncidentAction action) {
    return enqueue(new Work(null, action));
  }

  /**
   * Shift handover: every open incident held by {@code from} ({@code @person}) goes to {@code to}
   * with {@code comment}, all in one transaction. The future gives the incidents handed over.
   */
  public CompletableFuture<List<Long>> handOverShift(String from, String to, String comment, String actor) {
    return policy((p, now, tx) -> p.handOverShift(from, to, comment, actor, now, tx));
  }

  /**
   * A new snooze rule (a maintenance window) of {@code author}: open incidents matching
   * {@code query} are snoozed until {@code until}, and so are new ones while it lasts.
   */
  public CompletableFuture<SnoozeRuleChange> createSnoozeRule(String mql, CompiledQuery query, long until,
      String comment, String author) {
    return policy((p, now, tx) -> p.createSnoozeRule(mql, query, until, comment, author, now, tx));
  }

  /** Ends a snooze rule now; its incidents wake. Fails with {@link Refusal} when none with that id is in force. */
  public CompletableFuture<SnoozeRuleChange> endSnoozeRule(long id, String actor) {
    return policy((p, now, tx) -> p.endSnoozeRule(id, actor, now, tx));
  }

  /**
   * A heartbeat call of a configured source: it is alive now; when it was missing, its no-data-for
   * alert turns ok. The future gives the source's bookkeeping after it, or fails with {@link
   * Refusal} when no configured source has that name.
   */
  public CompletableFuture<SourceState> heartbeat(String source) {
    return policy((p, now, tx) -> p.heartbeat(source, now, tx));
  }

  /** The snooze rules in force, oldest first (as of the last committed change). */
  public List<SnoozeRule> snoozeRules() {
    return processor.snoozeRules();
  }

  /** On-call policy work on the writer thread, with a result; a {@link Refusal} changes nothing. */
  private interface PolicyWork {
    Object apply(Processor p, long now, StoreTransaction tx);
  }

  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> policy(PolicyWork policy) {
    Work work = new Work(policy);
    return enqueue(work).thenApply(done -> (T) work.result);
  }

  /**
   * Closes an open incident; later alerts of its grouping key open a new one linked to it. The
   * future fails with {@link Refusal} when the incident is not open.
   */
  public CompletableFuture<Void> closeIncident(long incidentId, String actor, String comment) {
    return act(new IncidentAction(incidentId, actor, null, new IncidentCommand.Close(comment == null ? "" : comment)));
  }

  /**
   * Hands a reloaded configuration to the writer, which takes it between two batches on its own
   * thread: work applied after the future completes follows it.
   */
  public CompletableFuture<Void> reconfigure(BatonConfig next) {
    Reconfiguration r = new Reconfiguration(next);
    if (!accepting) {
      r.future.completeExceptionally(new Unavailable(Unavailable.Reason.STOPPED, "the receiver is stopping", null));
      return r.future;
    }
    Reconfiguration superseded = reconfiguration.getAndSet(r);
    if (superseded != null) {
      superseded.future.complete(null); // a newer configuration replaces it before it was taken
    }
    return r.future;
  }

  private record Reconfiguration(BatonConfig config, CompletableFuture<Void> future) {
    Reconfiguration(BatonConfig config) {
      this(config, new CompletableFuture<>());
    }
  }

  private void takeConfiguration() {
    Reconfiguration r = reconfiguration.getAndSet(null);
    if (r != null) {
      processor.reconfigure(r.config(), clock.millis());
      r.future.complete(null);
    }
  }

  /** Applies {@code command} in the writer's next transaction; the future has its result once committed. */
  public <T> CompletableFuture<T> write(WriterCommand<T> command) {
    Work work = new Work(command);
    @SuppressWarnings("unchecked") // the result is what this command returned
    CompletableFuture<T> result = enqueue(work).thenApply(done -> (T) work.result);
    return result;
  }

  public int queueDepth() {
    return queue.size();
  }

  private CompletableFuture<Void> enqueue(Work work) {
    if (!accepting) {
      work.future.completeExceptionally(new Unavailable(Unavailable.Reason.STOPPED, "the receiver is stopping", null));
    } else if (!queue.offer(work)) {
      work.future.completeExceptionally(new Unavailable(Unavailable.Reason.QUEUE_FULL,
          "the store queue is full (" + (queue.size() + queue.remainingCapacity()) + " requests); retry later", null));
    }
    return work.future;
  }

  private void run() {
    long started = System.nanoTime();
    if (reload()) {
      LOG.info("loaded {} in {} ms", processor.describeHotState(), (System.nanoTime() - started) / 1_000_000);
    }
    List<Work> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      takeWarmUp();
      takeConfiguration();
      try {
        Work first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    Reconfiguration untaken = reconfiguration.getAndSet(null);
    if (untaken != null) {
      untaken.future.completeExceptionally(new Unavailable(Unavailable.Reason.STOPPED, "the receiver stopped", null));
    }
    for (Work w; (w = queue.poll()) != null; ) {
      w.future.completeExceptionally(new Unavailable(Unavailable.Reason.STOPPED, "the receiver stopped", null));
    }
  }

  private void commit(List<Work> batch) {
    long started = System.nanoTime();
    if (!hotStateValid && !reload()) {
      fail(batch, new Unavailable(Unavailable.Reason.STORE_FAILED, "the store is unavailable; retry later", null));
      return;
    }
    RuntimeException failure = attempt(batch, started);
    if (failure == null) {
      return;
    }
    if (!(failure instanceof StoreException) && batch.size() > 1) {
      // a request the processor cannot apply must not take its batch-mates down: one by one
      for (Work w : batch) {
        if (!hotStateValid && !reload()) {
          fail(List.of(w), new Unavailable(Unavailable.Reason.STORE_FAILED, "the store is unavailable", null));
          continue;
        }
        RuntimeException single = attempt(List.of(w), System.nanoTime());
        if (single != null) {
          fail(List.of(w), unavailable(single));
        }
      }
      return;
    }
    fail(batch, unavailable(failure));
  }

  /** Applies and commits; null on success, else the failure (rolled back, hot state marked stale). */
  private RuntimeException attempt(List<Work> batch, long started) {
    StoreTransaction tx = null;
    try {
      tx = store.begin();
      for (Work w : batch) {
        w.apply(processor, tx, clock.millis());
      }
      processor.flush(tx, clock.millis());
      tx.commit();
    } catch (RuntimeException e) {
      metrics.commitFailures.inc(1);
      LOG.error("commit of {} requests failed: {}", batch.size(), e.toString());
      if (tx != null) {
        tx.rollback();
      }
      hotStateValid = false;
      return e;
    }
    metrics.commitBatchSize.observe(batch.size());
    metrics.commitSeconds.observe((System.nanoTime() - started) / 1e9);
    processor.publishGauges();
    for (Work w : batch) {
      if (w.refusal != null) {
        w.future.completeExceptionally(w.refusal);
      } else {
        w.future.complete(null);
      }
    }
    return null;
  }

  private boolean reload() {
    try {
      processor.load(clock.millis());
      processor.publishGauges();
      hotStateValid = true;
      int generation = ++loadGeneration;
      if (processor.cold()) {
        startWarmUp(generation);
      }
      synchronized (readyLock) {
        loaded = true;
        readyLock.notifyAll();
      }
      return true;
    } catch (RuntimeException e) {
      LOG.error("cannot reload state from the store: {}", e.getMessage());
      return false;
    }
  }

  /**
   * Reads the active alerts on another thread while the writer already applies work (looking up
   * what it needs meanwhile), so readiness does not wait for them.
   */
  private void startWarmUp(int generation) {
    Thread t = new Thread(() -> {
      long started = System.nanoTime();
      try {
        List<Alert> active = store.loadActiveAlerts();
        warmed.set(new WarmUp(generation, active, (System.nanoTime() - started) / 1_000_000, null));
      } catch (RuntimeException e) {
        warmed.set(new WarmUp(generation, List.of(), 0, e));
      }
    }, "baton-warm-up");
    t.setDaemon(true);
    warmUp = t;
    t.start();
  }

  /** On the writer thread: hands the warm-up's alerts to the processor, or reloads when it failed. */
  private void takeWarmUp() {
    WarmUp w = warmed.getAndSet(null);
    if (w == null || w.generation() != loadGeneration || !hotStateValid) {
      return;
    }
    if (w.failure() != null) {
      LOG.error("cannot load the active alerts: {}; loading again", w.failure().getMessage());
      hotStateValid = false;
      return;
    }
    processor.warm(w.alerts());
    LOG.info("loaded {} active alerts in {} ms", w.alerts().size(), w.millis());
  }

  private record WarmUp(int generation, List<Alert> alerts, long millis, RuntimeException failure) {}

  private static Unavailable unavailable(RuntimeException e) {
    return new Unavailable(Unavailable.Reason.STORE_FAILED, "the store could not commit; retry later", e);
  }

  private static void fail(List<Work> batch, Unavailable e) {
    for (Work w : batch) {
      w.future.completeExceptionally(e);
    }
  }

  /**
   * Stops accepting work, commits what is queued, and stops the writer; waits for a read of the
   * active alerts still under way (it opens a connection of its own to the file).
   */
  @Override
  public void close() {
    accepting = false;
    running = false;
    try {
      if (writer.isAlive()) {
        writer.join(30_000);
      }
      Thread reading = warmUp;
      if (reading != null) {
        reading.join(30_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One queued unit: a submission, a tick, an action on an incident, on-call policy work (shift handover, snooze rules), or a command. */
  private static final class Work {
    final Submission submission;
    final IncidentAction action;
    final PolicyWork policy;
    final WriterCommand<?> command;
    final CompletableFuture<Void> future = new CompletableFuture<>();
    /** What policy work or a command gave, once applied. */
    Object result;
    /** Why this action was refused without harm to its batch (taking an incident another person holds…). */
    Refusal refusal;

    Work(WriterCommand<?> command) {
      this(null, null, null, command);
    }

    Work(Submission submission, IncidentAction action) {
      this(submission, action, null, null);
    }

    Work(PolicyWork policy) {
      this(null, null, policy, null);
    }

    private Work(Submission submission, IncidentAction action, PolicyWork policy, WriterCommand<?> command) {
      this.submission = submission;
      this.action = action;
      this.policy = policy;
      this.command = command;
    }

    void apply(Processor p, StoreTransaction tx, long now) {
      refusal = null; // a batch retried one by one applies again from the reloaded state
      if (command != null) {
        result = command.apply(tx, now);
      } else if (submission != null) {
        p.submit(submission, tx);
      } else if (action != null) {
        try {
          p.act(action, now, tx);
        } catch (Refusal r) {
          refusal = r; // thrown before anything was changed
        }
      } else if (policy != null) {
        try {
          result = policy.apply(p, now, tx);
        } catch (Refusal r) {
          refusal = r; // thrown before anything was changed
        }
      } else {
        p.tick(now, tx);
      }
    }
  }
}
