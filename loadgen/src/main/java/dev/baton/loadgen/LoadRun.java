package dev.baton.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies a {@link LoadSpec}: an optional warm-up phase, then the measured phase. Workers share
 * one sequence counter and take the next batch from it, so every alert number is sent exactly
 * once per phase, whatever the workers' relative speed.
 */
final class LoadRun {

  /** A worker gives up after this many connection failures in a row: the target is down. */
  private static final int MAX_CONSECUTIVE_IO_ERRORS = 50;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 30_000;
  private static final long SAMPLE_INTERVAL_MILLIS = 50;

  private final LoadSpec spec;
  private final InetSocketAddress address;
  private final String path;
  private final ProcessProbe probe;

  /**
   * @param address the resolved loopback address of the target
   * @param probe   the target process, or null to not measure it
   */
  LoadRun(LoadSpec spec, InetSocketAddress address, ProcessProbe probe) {
    this.spec = spec;
    this.address = address;
    String p = spec.target().getRawPath();
    String q = spec.target().getRawQuery();
    this.path = (p == null || p.isEmpty() ? "/" : p) + (q == null ? "" : "?" + q);
    this.probe = probe;
  }

  /** Runs the warm-up (when asked for) and then the measured phase. */
  List<PhaseResult> run() throws InterruptedException {
    List<PhaseResult> results = new ArrayList<>(2);
    long deadline = System.nanoTime() + spec.maxDuration().toNanos();
    Instant startsAt = Instant.now();
    if (spec.warmupAlerts() > 0) {
      AlertBodies warmup = new AlertBodies(spec.runId(), "warmup", spec.warmupAlerts(), startsAt);
      results.add(phase("warmup", warmup, spec.warmupAlerts(), 1, deadline));
    }
    AlertBodies measured = new AlertBodies(spec.runId(), "measured", spec.distinct(), startsAt);
    results.add(phase("measured", measured, spec.distinct(), spec.sendsPerAlert(), deadline));
    return results;
  }

  private PhaseResult phase(String name, AlertBodies bodies, int distinct, int sendsPerAlert,
      long deadline) throws InterruptedException {
    long totalAlerts = (long) distinct * sendsPerAlert;
    AtomicLong next = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    Worker[] workers = new Worker[spec.connections()];
    Thread[] threads = new Thread[workers.length];
    long expectedRequests = (totalAlerts + spec.batch() - 1) / spec.batch();
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(bodies, next, totalAlerts, deadline, start,
          (int) Math.min(Integer.MAX_VALUE - 8, expectedRequests / workers.length + 16));
      threads[i] = new Thread(workers[i], "loadgen-" + name + "-" + i);
      threads[i].start();
    }
    Usage before = Usage.sample(probe);
    RssSampler sampler = probe == null ? null : RssSampler.start(probe);
    long loadgenCpuBefore = ownCpuNanos();
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    long elapsed = System.nanoTime() - t0;
    long loadgenCpu = ownCpuNanos() - loadgenCpuBefore;
    PhaseResult.TargetUsage usage = null;
    if (sampler != null) {
      long peak = sampler.stop();
      Usage after = Usage.sample(probe);
      if (after != null && before != null) {
        long written = after.written < 0 || before.written < 0 ? -1 : after.written - before.written;
        usage = new PhaseResult.TargetUsage(probe.pid(), after.rss, Math.max(peak, after.rss),
            after.cpu.minus(before.cpu), written);
      }
    }
    return summarize(name, distinct, sendsPerAlert, workers, Duration.ofNanos(elapsed), usage,
        Duration.ofNanos(loadgenCpu));
  }

  private static PhaseResult summarize(String name, int distinct, int sendsPerAlert,
      Worker[] workers, Duration elapsed,
      PhaseResult.TargetUsage usage, Duration loadgenCpu) {
    long sent = 0;
    long accepted = 0;
    int requests = 0;
    boolean truncated = false;
    Map<String, Long> errors = new TreeMap<>();
    for (Worker w : workers) {
      sent += w.alertsSent;
      accepted += w.alertsAccepted;
      requests += w.latencyCount;
      truncated |= w.stoppedByDeadline;
      w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    }
    long[] all = new long[requests];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, all, at, w.latencyCount);
      at += w.latencyCount;
    }
    Arrays.sort(all);
    return new PhaseResult(name, distinct, sendsPerAlert, sent, accepted, requests, elapsed, PhaseResult.Latency.of(all),
        new TreeMap<>(errors), truncated, usage, loadgenCpu);
  }

  private static long ownCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private final class Worker implements Runnable {
    private final AlertBodies bodies;
    private final AtomicLong next;
    private final long total;
    private final long deadline;
    private final CountDownLatch start;
    private final Map<String, Long> errors = new HashMap<>();
    private long[] latencies;
    private int latencyCount;
    private long alertsSent;
    private long alertsAccepted;
    private boolean stoppedByDeadline;

    Worker(AlertBodies bodies, AtomicLong next, long total, long deadline, CountDownLatch start,
        int expectedRequests) {
      this.bodies = bodies;
      this.next = next;
      this.total = total;
      this.deadline = deadline;
      this.start = start;
      this.latencies = new long[Math.max(16, expectedRequests)];
    }

    @Override
    public void run() {
      try (HttpConnection connection =
               new HttpConnection(address, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS)) {
        start.await();
        int ioErrorsInARow = 0;
        while (ioErrorsInARow < MAX_CONSECUTIVE_IO_ERRORS) {
          if (System.nanoTime() - deadline > 0) {
            stoppedByDeadline = true;
            return;
          }
          long first = next.getAndAdd(spec.batch());
          if (first >= total) {
            return;
          }
          int count = (int) Math.min(spec.batch(), total - first);
          byte[] body = bodies.body(first, count, Instant.now());
          long t0 = System.nanoTime();
          int status;
          try {
            status = connection.post(path, body);
            ioErrorsInARow = 0;
          } catch (IOException e) {
            status = -1;
            ioErrorsInARow++;
          }
          record(System.nanoTime() - t0);
          alertsSent += count;
          if (status >= 200 && status < 300) {
            alertsAccepted += count;
          } else {
            errors.merge(status < 0 ? "io" : Integer.toString(status), 1L, Long::sum);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void record(long nanos) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = nanos;
    }
  }

  /** Samples the target's RSS on a background thread to find the peak during a phase. */
  private static final class RssSampler implements Runnable {
    private final ProcessProbe probe;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private RssSampler(ProcessProbe probe) {
      this.probe = probe;
      this.thread = new Thread(this, "loadgen-rss-sampler");
      this.thread.setDaemon(true);
    }

    static RssSampler start(ProcessProbe probe) {
      RssSampler s = new RssSampler(probe);
      s.thread.start();
      return s;
    }

    @Override
    public void run() {
      while (running) {
        try {
          peak = Math.max(peak, probe.rssBytes());
          Thread.sleep(SAMPLE_INTERVAL_MILLIS);
        } catch (IOException e) {
          return; // the target went away; the phase result shows it through errors
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
      return peak;
    }
  }

  /** RSS, CPU and bytes written of the target at one moment; null when there is no target or it is gone. */
  private record Usage(long rss, Duration cpu, long written) {
    static Usage sample(ProcessProbe probe) {
      if (probe == null) {
        return null;
      }
      try {
        return new Usage(probe.rssBytes(), probe.cpuTime(), probe.writtenBytes());
      } catch (IOException e) {
        return null;
      }
    }
  }
}
