package dev.baton.server.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A tiny registry rendered in the Prometheus text exposition format (version 0.0.4): counters and
 * gauges with labels, and histograms. Thread-safe; recording is lock-free.
 */
public final class Metrics {

  private final List<Family> families = new ArrayList<>();

  public synchronized Counter counter(String name, String help, String... labelNames) {
    Counter c = new Counter(name, help, labelNames);
    families.add(c);
    return c;
  }

  public synchronized Gauge gauge(String name, String help, String... labelNames) {
    Gauge g = new Gauge(name, help, labelNames);
    families.add(g);
    return g;
  }

  /** A gauge read at scrape time. */
  public synchronized void gauge(String name, String help, LongSupplier value) {
    families.add(new Family(name, help, "gauge", new String[0]) {
      @Override
      void render(StringBuilder out) {
        out.append(name).append(' ').append(value.getAsLong()).append('\n');
      }
    });
  }

  public synchronized Histogram histogram(String name, String help, double... buckets) {
    Histogram h = new Histogram(name, help, buckets);
    families.add(h);
    return h;
  }

  /** The whole registry in Prometheus text format. */
  public String render() {
    StringBuilder out = new StringBuilder(4096);
    List<Family> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(families);
    }
    for (Family f : snapshot) {
      out.append("# HELP ").append(f.name).append(' ').append(f.help).append('\n');
      out.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
      f.render(out);
    }
    return out.toString();
  }

  private abstract static class Family {
    final String name;
    final String help;
    final String type;
    final String[] labelNames;

    Family(String name, String help, String type, String[] labelNames) {
      this.name = name;
      this.help = help;
      this.type = type;
      this.labelNames = labelNames;
    }

    abstract void render(StringBuilder out);

    String labels(List<String> values) {
      if (labelNames.length == 0) {
        return "";
      }
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < labelNames.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(labelNames[i]).append("=\"").append(escape(values.get(i))).append('"');
      }
      return b.append('}').toString();
    }

    List<String> key(String[] values) {
      if (values.length != labelNames.length) {
        throw new IllegalArgumentException(name + " takes labels " + Arrays.toString(labelNames));
      }
      return List.of(values);
    }

    private static String escape(String v) {
      return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
  }

  /** A monotonically increasing count per label combination. */
  public static final class Counter extends Family {
    /** Hashed, not sorted: counted on every request, sorted only when rendered. */
    private final Map<List<String>, LongAdder> values = new ConcurrentHashMap<>();

    Counter(String name, String help, String[] labelNames) {
      super(name, help, "counter", labelNames);
    }

    public void inc(long n, String... labelValues) {
      List<String> key = key(labelValues);
      LongAdder adder = values.get(key);
      if (adder == null) {
        adder = values.computeIfAbsent(key, k -> new LongAdder());
      }
      adder.add(n);
    }

    public long get(String... labelValues) {
      LongAdder a = values.get(key(labelValues));
      return a == null ? 0 : a.sum();
    }

    @Override
    void render(StringBuilder out) {
      Map<List<String>, LongAdder> sorted = new TreeMap<>(Metrics::compareKeys);
      sorted.putAll(values);
      sorted.forEach((k, v) -> out.append(name).append(labels(k)).append(' ').append(v.sum()).append('\n'));
    }
  }

  /** A value that goes up and down, per label combination. */
  public static final class Gauge extends Family {
    private final Map<List<String>, AtomicLong> values = new ConcurrentSkipListMap<>(Metrics::compareKeys);

    Gauge(String name, String help, String[] labelNames) {
      super(name, help, "gauge", labelNames);
    }

    public void set(long value, String... labelValues) {
      values.computeIfAbsent(key(labelValues), k -> new AtomicLong()).set(value);
    }

    public void add(long delta, String... labelValues) {
      values.computeIfAbsent(key(labelValues), k -> new AtomicLong()).addAndGet(delta);
    }

    public long get(String... labelValues) {
      AtomicLong a = values.get(key(labelValues));
      return a == null ? 0 : a.get();
    }

    @Override
    void render(StringBuilder out) {
      values.forEach((k, v) -> out.append(name).append(labels(k)).append(' ').append(v.get()).append('\n'));
    }
  }

  /** Observations counted into cumulative buckets, with their sum and count. */
  public static final class Histogram extends Family {
    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(String name, String help, double[] bounds) {
      super(name, help, "histogram", new String[0]);
      this.bounds = bounds.clone();
      this.counts = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    public void observe(double value) {
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          counts[i].increment();
          break;
        }
      }
      sum.add(value);
      count.increment();
    }

    public long count() {
      return count.sum();
    }

    @Override
    void render(StringBuilder out) {
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += counts[i].sum();
        out.append(name).append("_bucket{le=\"").append(format(bounds[i])).append("\"} ").append(cumulative).append('\n');
      }
      out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
      out.append(name).append("_sum ").append(sum.sum()).append('\n');
      out.append(name).append("_count ").append(count.sum()).append('\n');
    }

    private static String format(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
