package dev.baton.server.http;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's handler threads. The next exchange goes to the thread that went idle most
 * recently (last in, first out), where a {@code ThreadPoolExecutor} wakes the one idle longest and
 * so cycles through all of its threads: under a steady load a handful of threads serve everything,
 * their stacks and thread-local buffers still in the CPU's caches (docs/benchmarks.md, "The request
 * path": 10–15 µs less CPU per request). Bounded as the executor it replaces: at most {@code threads}
 * exchanges run at once (plus one per thread lent to a long-lived exchange), at most {@code backlog}
 * wait; beyond that {@link #execute} throws {@link RejectedExecutionException} and the JDK server
 * closes the connection, so the sender retries. Threads start when first needed.
 */
final class HandlerPool implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(HandlerPool.class);

  private final String namePrefix;
  private final int backlog;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition allStopped = lock.newCondition();
  /** Idle workers, the most recently idle first. */
  private final ArrayDeque<Worker> idle = new ArrayDeque<>();
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int maxThreads;
  private int threads;
  private int started;
  private boolean shutdown;

  HandlerPool(String namePrefix, int threads, int backlog) {
    if (threads < 1 || backlog < 0) {
      throw new IllegalArgumentException("threads must be at least 1 and backlog at least 0");
    }
    this.namePrefix = namePrefix;
    this.maxThreads = threads;
    this.backlog = backlog;
  }

  @Override
  public void execute(Runnable task) {
    Worker handed;
    lock.lock();
    try {
      if (shutdown) {
        throw new RejectedExecutionException("the HTTP handler pool is stopping");
      }
      handed = idle.pollFirst();
      if (handed == null) {
        if (threads < maxThreads) {
          startWorker(task);
        } else if (waiting.size() < backlog) {
          waiting.addLast(task);
        } else {
          throw new RejectedExecutionException("all " + threads + " HTTP handler threads are busy and "
              + backlog + " exchanges wait");
        }
        return;
      }
      handed.task = task;
    } finally {
      lock.unlock();
    }
    LockSupport.unpark(handed.thread);
  }

  /** One thread more while the calling thread serves a long-lived exchange (an event stream). */
  void lend() {
    lock.lock();
    try {
      maxThreads++;
      if (!waiting.isEmpty() && threads < maxThreads && !shutdown) {
        startWorker(waiting.pollFirst());
      }
    } finally {
      lock.unlock();
    }
  }

  /** Ends a {@link #lend}: the pool shrinks back, by an idle thread now or a busy one when it finishes. */
  void giveBack() {
    lock.lock();
    try {
      maxThreads--;
      if (threads > maxThreads) {
        Worker coldest = idle.pollLast();
        if (coldest != null) {
          stop(coldest);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Accepts no more exchanges; idle threads end now, busy ones when their exchange ends. */
  void shutdown() {
    lock.lock();
    try {
      shutdown = true;
      for (Worker w; (w = idle.pollFirst()) != null; ) {
        stop(w);
      }
    } finally {
      lock.unlock();
    }
  }

  /** After {@link #shutdown}: waits until every thread ended, or the time is up; returns whether they did. */
  boolean awaitTermination(long time, TimeUnit unit) throws InterruptedException {
    long left = unit.toNanos(time);
    lock.lock();
    try {
      while (threads > 0) {
        if (left <= 0) {
          return false;
        }
        left = allStopped.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Threads alive now (busy or idle). */
  int threads() {
    lock.lock();
    try {
      return threads;
    } finally {
      lock.unlock();
    }
  }

  /** Threads waiting for an exchange now. */
  int idleThreads() {
    lock.lock();
    try {
      return idle.size();
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock. */
  private void startWorker(Runnable first) {
    Worker w = new Worker(first);
    Thread t = new Thread(w, namePrefix + (++started));
    t.setDaemon(true);
    w.thread = t;
    threads++;
    t.start();
  }

  /** Under the lock: the worker, taken off the idle list, ends. */
  private void stop(Worker w) {
    w.stopped = true;
    threadEnded();
    LockSupport.unpark(w.thread);
  }

  /** Under the lock. */
  private void threadEnded() {
    threads--;
    if (threads == 0) {
      allStopped.signalAll();
    }
  }

  /** The next task for a worker that finished one: waiting work, else one handed to it while idle; null to end. */
  private Runnable next(Worker w) {
    lock.lock();
    try {
      Runnable queued = waiting.pollFirst();
      if (queued != null) {
        return queued;
      }
      if (shutdown || threads > maxThreads) {
        threadEnded();
        return null;
      }
      idle.addFirst(w);
    } finally {
      lock.unlock();
    }
    while (true) {
      Runnable handed = w.task;
      if (handed != null) {
        w.task = null;
        return handed;
      }
      if (w.stopped) {
        return null;
      }
      LockSupport.park(this);
      Thread.interrupted(); // nothing here is interruptible; a stray interrupt must not make park spin
    }
  }

  private final class Worker implements Runnable {
    /** Set (under the lock) together with taking the worker off the idle list; read by the worker. */
    volatile Runnable task;
    volatile boolean stopped;
    Thread thread;

    Worker(Runnable first) {
      this.task = first;
    }

    @Override
    public void run() {
      Runnable current = task;
      task = null;
      boolean ended = false;
      try {
        while (current != null) {
          try {
            current.run();
          } catch (RuntimeException e) {
            LOG.error("an HTTP exchange failed outside its handler", e);
          }
          current = next(this);
        }
        ended = true;
      } finally {
        if (!ended) { // an Error ends the thread; the pool starts another when one is needed
          lock.lock();
          try {
            threadEnded();
          } finally {
            lock.unlock();
          }
        }
      }
    }
  }
}
