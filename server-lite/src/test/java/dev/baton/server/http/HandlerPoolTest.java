package dev.baton.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerPoolTest {

  private final List<HandlerPool> pools = new ArrayList<>();

  @AfterEach
  void stopPools() throws InterruptedException {
    for (HandlerPool p : pools) {
      p.shutdown();
      p.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private HandlerPool pool(int threads, int backlog) {
    HandlerPool p = new HandlerPool("test-http-", threads, backlog);
    pools.add(p);
    return p;
  }

  @Test
  void theThreadIdleMostRecentlyServesTheNextExchange() throws Exception {
    HandlerPool pool = pool(4, 0);
    List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
    Thread[] workers = new Thread[3];
    CountDownLatch started = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      int slot = i;
      pool.execute(() -> {
        workers[slot] = Thread.currentThread();
        started.countDown();
        await(release.get(slot));
      });
    }
    assertTrue(started.await(30, TimeUnit.SECONDS));
    assertEquals(3, List.of(workers).stream().distinct().count(), "three busy exchanges, three threads");
    // let them go idle one after another: the first released is the coldest, the last the hottest
    for (int i = 0; i < 3; i++) {
      release.get(i).countDown();
      int idle = i + 1;
      waitFor(() -> pool.idleThreads() == idle);
    }
    Thread last = workers[2];
    BlockingQueue<Thread> ran = new ArrayBlockingQueue<>(8);
    for (int i = 0; i < 5; i++) {
      pool.execute(() -> ran.add(Thread.currentThread()));
      assertEquals(last, take(ran), "exchange " + i + " goes to the thread idle most recently");
      waitFor(() -> pool.idleThreads() == 3);
    }
    assertEquals(3, pool.threads(), "no thread is started while one is idle");
  }

  @Test
  void atMostThreadsRunAndAtMostBacklogWaitThenItRefuses() throws Exception {
    HandlerPool pool = pool(2, 3);
    CountDownLatch release = new CountDownLatch(1);
    occupy(pool, 2, release);
    CountDownLatch done = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      pool.execute(done::countDown);
    }
    assertEquals(2, pool.threads());
    RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    assertTrue(refused.getMessage().contains("2 HTTP handler threads are busy and 3 exchanges wait"), refused.getMessage());
    release.countDown();
    assertTrue(done.await(30, TimeUnit.SECONDS), "the waiting exchanges run once threads are free");
    assertEquals(2, pool.threads());
  }

  @Test
  void aLentThreadServesOthersWhileALongExchangeRunsAndThePoolShrinksAfter() throws Exception {
    HandlerPool pool = pool(1, 4);
    CountDownLatch streamEnds = new CountDownLatch(1);
    CountDownLatch streaming = new CountDownLatch(1);
    pool.execute(() -> {
      pool.lend();
      try {
        streaming.countDown();
        await(streamEnds);
      } finally {
        pool.giveBack();
      }
    });
    assertTrue(streaming.await(30, TimeUnit.SECONDS));
    CountDownLatch served = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      pool.execute(served::countDown);
    }
    assertTrue(served.await(30, TimeUnit.SECONDS), "a stream holding the only thread does not starve the others");
    assertEquals(2, pool.threads());
    streamEnds.countDown();
    waitFor(() -> pool.threads() == 1);
    CountDownLatch after = new CountDownLatch(1);
    pool.execute(after::countDown);
    assertTrue(after.await(30, TimeUnit.SECONDS));
    assertEquals(1, pool.threads());
  }

  @Test
  void aLendStartsAThreadForExchangesAlreadyWaiting() throws Exception {
    HandlerPool pool = pool(1, 4);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch lend = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    pool.execute(() -> {
      holding.countDown();
      await(lend);
      pool.lend();
      try {
        await(release);
      } finally {
        pool.giveBack();
      }
    });
    assertTrue(holding.await(30, TimeUnit.SECONDS));
    CountDownLatch waited = new CountDownLatch(1);
    pool.execute(waited::countDown); // waits: the only thread is busy
    assertFalse(waited.await(200, TimeUnit.MILLISECONDS));
    lend.countDown();
    assertTrue(waited.await(30, TimeUnit.SECONDS));
    release.countDown();
    waitFor(() -> pool.threads() == 1);
  }

  @Test
  void shutdownEndsIdleThreadsAndRefusesNewExchanges() throws Exception {
    HandlerPool pool = pool(3, 3);
    CountDownLatch release = new CountDownLatch(1);
    occupy(pool, 3, release);
    release.countDown();
    waitFor(() -> pool.idleThreads() == 3);
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(0, pool.threads());
    assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
  }

  @Test
  void aFailingTaskLeavesTheThreadServing() throws Exception {
    HandlerPool pool = pool(1, 2);
    pool.execute(() -> {
      throw new IllegalStateException("a bug in an exchange");
    });
    CountDownLatch next = new CountDownLatch(1);
    pool.execute(next::countDown);
    assertTrue(next.await(30, TimeUnit.SECONDS));
    assertEquals(1, pool.threads());
  }

  /** Keeps {@code n} threads of the pool busy until {@code release} opens; returns once all of them run. */
  private static void occupy(HandlerPool pool, int n, CountDownLatch release) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      pool.execute(() -> {
        running.countDown();
        await(release);
      });
    }
    assertTrue(running.await(30, TimeUnit.SECONDS), n + " exchanges run at once");
  }

  private static Thread take(BlockingQueue<Thread> q) throws InterruptedException {
    Thread t = q.poll(30, TimeUnit.SECONDS);
    if (t == null) {
      throw new AssertionError("no task ran within 30 s");
    }
    return t;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("not released within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(5);
    }
  }
}
