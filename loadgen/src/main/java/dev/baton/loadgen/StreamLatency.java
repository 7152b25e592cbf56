package dev.baton.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts alerts at a fixed rate (open loop: request k is due at {@code k × batch / rate} seconds,
 * whatever the answers before it) while one stream client reads {@code GET /api/v1/stream}, and
 * measures per alert the time from its 2xx to its event on the stream, both on this process's
 * monotonic clock. Alerts of the warm-up seconds are left out of the figures.
 */
final class StreamLatency {

  /** What to run. */
  record Spec(InetSocketAddress target, int rate, int batch, int connections, int seconds, int warmupSeconds,
      String runId) {

    Spec {
      if (rate < 1 || batch < 1 || connections < 1 || seconds < 1 || warmupSeconds < 0) {
        throw new IllegalArgumentException("--rate, --batch, --connections and --seconds must be positive,"
            + " --warmup-seconds zero or more");
      }
    }

    int totalAlerts() {
      return rate * (seconds + warmupSeconds);
    }

    int warmupAlerts() {
      return rate * warmupSeconds;
    }
  }

  /** The measured figures; latencies in milliseconds over the measured alerts that arrived. */
  record Result(Spec spec, long sent, long refused, double sendSeconds, double maxLagMillis, long events, long reloads,
      int measured, int missing, int beforeAck, double p50, double p90, double p99, double max, double ingestP50,
      double ingestP99) {

    boolean keptUp() {
      return missing == 0 && reloads == 0 && refused == 0;
    }

    void print(PrintWriter out) {
      out.printf("stream latency (run %s): 2xx on POST /api/v2/alerts -> alert event on GET /api/v1/stream%n", spec.runId());
      out.printf("  load: %d alerts/s in batches of %d over %d connections, %d s measured after %d s warm-up%n",
          spec.rate(), spec.batch(), spec.connections(), spec.seconds(), spec.warmupSeconds());
      out.printf("  ingest: %d alerts sent in %.1f s = %.0f alerts/s; %d refused; senders at most %.0f ms behind schedule%n",
          sent, sendSeconds, sent / sendSeconds, refused, maxLagMillis);
      out.printf("  stream: %d events, %d reloads; %d of %d measured alerts missing; %d arrived before their 2xx was read%n",
          events, reloads, missing, measured, beforeAck);
      out.printf("  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", p50, p90, p99, max);
      out.printf("  for scale, the ingest requests themselves (sent -> 2xx read) ms: p50 %.1f  p99 %.1f%n", ingestP50,
          ingestP99);
      out.printf("  kept up: %s; p99 <= 200 ms: %s%n", keptUp() ? "yes" : "NO", p99 <= 200 ? "yes" : "NO");
      out.flush();
    }
  }

  private static final String PATH = "/api/v2/alerts";
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final Spec spec;

  StreamLatency(Spec spec) {
    this.spec = spec;
  }

  Result run() throws IOException, InterruptedException {
    int total = spec.totalAlerts();
    AlertBodies bodies = new AlertBodies(spec.runId(), "stream", total, Instant.now());
    long[] acked = new long[total];
    int requests = (total + spec.batch() - 1) / spec.batch();
    long[] requestNanos = new long[requests];
    AtomicLong next = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong maxLag = new AtomicLong();
    try (EventStreamReader stream = new EventStreamReader(spec.target(), "instance")) {
      if (!stream.awaitHello(10_000)) {
        throw new IOException("the stream sent no hello within 10 s");
      }
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      double nanosPerRequest = 1e9 * spec.batch() / spec.rate();
      List<Thread> senders = new ArrayList<>();
      for (int c = 0; c < spec.connections(); c++) {
        Thread t = new Thread(() -> send(bodies, acked, requestNanos, next, start, nanosPerRequest, refused, maxLag),
            "sender-" + c);
        t.start();
        senders.add(t);
      }
      for (Thread t : senders) {
        t.join();
      }
      double sendSeconds = (System.nanoTime() - start) / 1e9;
      long deadline = System.nanoTime() + DRAIN_NANOS;
      while (System.nanoTime() < deadline && !stream.ended() && missing(stream, acked, bodies) > 0) {
        Thread.sleep(50);
      }
      int measured = total - spec.warmupAlerts();
      long[] latencies = new long[measured];
      int arrived = 0;
      int beforeAck = 0;
      for (int i = spec.warmupAlerts(); i < total; i++) {
        Long at = stream.arrival(key(i));
        if (at != null && acked[i] != 0) {
          long d = at - acked[i];
          if (d < 0) {
            beforeAck++;
            d = 0;
          }
          latencies[arrived++] = d;
        }
      }
      long[] got = Arrays.copyOf(latencies, arrived);
      Arrays.sort(got);
      long[] ingest = Arrays.copyOfRange(requestNanos, spec.warmupAlerts() / spec.batch(), requests);
      Arrays.sort(ingest);
      return new Result(spec, (long) requests * spec.batch() - refused.get(), refused.get(), sendSeconds,
          maxLag.get() / 1e6, stream.events(), stream.reloads(), measured, measured - arrived, beforeAck,
          percentile(got, 50), percentile(got, 90), percentile(got, 99), got.length == 0 ? 0 : got[got.length - 1] / 1e6,
          percentile(ingest, 50), percentile(ingest, 99));
    }
  }

  private void send(AlertBodies bodies, long[] acked, long[] requestNanos, AtomicLong next, long start,
      double nanosPerRequest, AtomicLong refused, AtomicLong maxLag) {
    try (HttpConnection http = new HttpConnection(spec.target(), 5000, 30_000)) {
      for (long k; (k = next.getAndIncrement()) < requestNanos.length; ) {
        long due = start + (long) (k * nanosPerRequest);
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(wait);
        }
        long lag = System.nanoTime() - due;
        maxLag.accumulateAndGet(lag, Math::max);
        int first = (int) (k * spec.batch());
        int count = Math.min(spec.batch(), acked.length - first);
        int status;
        long sent = System.nanoTime();
        try {
          status = http.post(PATH, bodies.body(first, count, Instant.now()));
        } catch (IOException e) {
          status = 0;
        }
        long now = System.nanoTime();
        requestNanos[(int) k] = now - sent;
        if (status / 100 == 2) {
          for (int i = first; i < first + count; i++) {
            acked[i] = now;
          }
        } else {
          refused.addAndGet(count);
        }
      }
    }
  }

  private int missing(EventStreamReader stream, long[] acked, AlertBodies bodies) {
    int missing = 0;
    for (int i = spec.warmupAlerts(); i < acked.length; i++) {
      if (acked[i] != 0 && stream.arrival(key(i)) == null) {
        missing++;
      }
    }
    return missing;
  }

  /** The instance label AlertBodies gives alert number {@code index}. */
  private static String key(int index) {
    return "host-" + index + ":9100";
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
