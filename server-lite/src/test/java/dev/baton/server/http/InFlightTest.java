package dev.baton.server.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {

  @Test
  void stoppingWaitsForTheLastExchangeToEnd() throws Exception {
    InFlight inFlight = new InFlight();
    inFlight.enter();
    inFlight.enter();
    CountDownLatch idle = new CountDownLatch(1);
    Thread stopping = new Thread(() -> {
      inFlight.awaitIdle(30_000);
      idle.countDown();
    });
    stopping.start();
    inFlight.exit();
    assertFalse(idle.await(200, TimeUnit.MILLISECONDS), "one exchange is still being served");
    inFlight.exit();
    assertTrue(idle.await(30, TimeUnit.SECONDS), "the last exchange ended");
    stopping.join(10_000);
  }

  @Test
  void stoppingGivesUpAfterItsTimeout() {
    InFlight inFlight = new InFlight();
    inFlight.enter();
    long started = System.nanoTime();
    inFlight.awaitIdle(300);
    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(300), "waited its full timeout");
  }

  @Test
  void nothingInFlightReturnsAtOnce() throws Exception {
    InFlight inFlight = new InFlight();
    inFlight.enter();
    inFlight.exit();
    CountDownLatch idle = new CountDownLatch(1);
    Thread stopping = new Thread(() -> {
      inFlight.awaitIdle(60_000);
      idle.countDown();
    });
    stopping.start();
    assertTrue(idle.await(30, TimeUnit.SECONDS));
    stopping.join(10_000);
  }
}
