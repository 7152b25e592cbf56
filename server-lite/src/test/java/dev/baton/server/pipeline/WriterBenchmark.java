package dev.baton.server.pipeline;

import com.sun.management.OperatingSystemMXBean;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.ingest.Event;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.store.SqliteStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The writer alone, without HTTP: how many Prometheus-like alerts per second it stores, and the
 * CPU it spends per alert. Run with {@code bench/writer.sh} (see docs/benchmarks.md).
 *
 * <p>Arguments: alerts (distinct), batch (alerts per request), resend (sends per alert),
 * synchronous (normal or full), in flight (requests outstanding at once, as connections; default 64),
 * warm-up (distinct alerts of their own stored first, the same way, and not counted; default 0): a
 * warm-up lets the JIT compile the writer's code before the measured alerts, as in a receiver that
 * has run for a while.
 */
public final class WriterBenchmark {

  private WriterBenchmark() {}

  /** CPU time of the writer thread ({@code baton-writer}): the single thread every commit waits for. */
  private static long writerCpuNanos() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().equals("baton-writer")) {
        return threads.getThreadCpuTime(t.getThreadId());
      }
    }
    return 0;
  }

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int resend = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    SqliteStore.Synchronous sync = args.length > 3
        ? SqliteStore.Synchronous.valueOf(args[3].toUpperCase(java.util.Locale.ROOT)) : SqliteStore.Synchronous.NORMAL;
    int depth = args.length > 4 ? Integer.parseInt(args[4]) : 64;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    Path dir = Files.createTempDirectory("baton-writer-bench");
    SqliteStore store = SqliteStore.open(dir.resolve("baton.db"), sync);
    ReceiverMetrics metrics = new ReceiverMetrics();
    Pipeline pipeline = new Pipeline(store, BatonConfig.DEFAULT, Clock.systemUTC(), metrics);
    pipeline.start();
    if (warmup > 0) {
      send(pipeline, "warm-", warmup, batch, 1, depth);
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long writer0 = writerCpuNanos();
    long t0 = System.nanoTime();
    long commits0 = metrics.commitBatchSize.count();
    send(pipeline, "host-", alerts, batch, resend, depth);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
    double writerSeconds = (writerCpuNanos() - writer0) / 1e9;
    long total = (long) alerts * resend;
    long commits = metrics.commitBatchSize.count() - commits0;
    System.out.printf("writer: %d alerts (%d distinct x %d), batch %d, %d in flight, synchronous %s%s%n", total,
        alerts, resend, batch, depth, sync.name().toLowerCase(java.util.Locale.ROOT),
        warmup > 0 ? ", after " + warmup + " warm-up alerts" : "");
    System.out.printf("  %.0f alerts/s in %.2f s; CPU %.2f s = %.1f us per alert; %d commits, %.1f requests each%n",
        total / seconds, seconds, cpuSeconds, cpuSeconds * 1e6 / total, commits,
        (double) ((long) ((alerts + batch - 1) / batch) * resend) / Math.max(1, commits));
    System.out.printf("  writer thread CPU %.2f s = %.1f us per alert%n", writerSeconds, writerSeconds * 1e6 / total);
    pipeline.close();
    store.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Stores {@code alerts} distinct alerts ({@code instance} labels {@code <instance>0:9100}, …)
   * {@code resend} times, {@code depth} requests in flight.
   */
  private static void send(Pipeline pipeline, String instance, int alerts, int batch, int resend, int depth)
      throws Exception {
    byte[] body = new byte[120 * batch];
    java.util.Arrays.fill(body, (byte) 'x');
    Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    for (int round = 0; round < resend; round++) {
      Instant now = Instant.now();
      Instant endsAt = now.plusSeconds(240);
      for (int first = 0; first < alerts; first += batch) {
        List<Event> events = new ArrayList<>(batch);
        for (int i = first; i < Math.min(first + batch, alerts); i++) {
          events.add(new Event(
              Map.of("alertname", "Bench" + (i % 50), "instance", instance + i + ":9100", "job", "node",
                  "severity", i % 10 == 0 ? "critical" : "warning"),
              Map.of("summary", "instance " + instance + i + " is overloaded"),
              Event.Kind.LASTING, Event.Status.FIRING, now, endsAt, null, null, "http://prometheus:9090/graph"));
        }
        inFlight.add(pipeline.submit(new Submission(new Source("bench", null), "alertmanager-v2", "127.0.0.1",
            "application/json", body, events, System.currentTimeMillis())));
        if (inFlight.size() >= depth) {
          inFlight.poll().get(60, TimeUnit.SECONDS);
        }
      }
    }
    for (CompletableFuture<Void> f : inFlight) {
      f.get(60, TimeUnit.SECONDS);
    }
  }
}
