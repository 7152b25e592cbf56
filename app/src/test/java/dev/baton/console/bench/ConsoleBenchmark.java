package dev.baton.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import dev.baton.console.LiveConsole;
import dev.baton.console.TestReceiver;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.incidents.IncidentCardNode;
import dev.baton.console.ui.main.MainView;
import dev.baton.console.ui.sla.SlaClock;
import dev.baton.console.ui.theme.Theme;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's UI figures (docs/benchmarks.md, "Console"), measured on the real window over a
 * real embedded receiver holding 10,000 open incidents: load and render, a filter keystroke to
 * the updated list, the 1 Hz tick with 500 cards on screen, and the process's RSS. Run by
 * {@code bench/console.sh} ({@code ./mvnw -pl app -am -Pconsole-bench verify}); skipped otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleBenchmark {

  static final int INCIDENTS = Integer.getInteger("baton.bench.incidents", 10_000);
  static final int TICKING = 500;
  /** The pause after one keystroke's frame before the next key: a fast typist's pace, about 350 a minute. */
  static final long KEY_GAP_MS = 150;

  private Stage stage;

  @Start
  void start(Stage primary) {
    stage = primary;
  }

  /** Runs {@code action} on the FX thread and returns when the next pulse has been processed. */
  private static long pulseAfter(Runnable action) throws Exception {
    CountDownLatch frame = new CountDownLatch(1);
    long[] start = new long[1];
    slowOnFx(() -> {
      start[0] = System.nanoTime();
      action.run();
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          frame.countDown();
          stop();
        }
      }.start();
      return null;
    });
    frame.await(30, TimeUnit.SECONDS);
    // The timer runs at the start of the next pulse; wait for that pulse's scene work to finish.
    slowOnFx(() -> null);
    return System.nanoTime() - start[0];
  }

  @Test
  void measure() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("baton.bench"), "run by bench/console.sh");
    // bench/console.sh then starts the jar over the same folder (--data-dir) as users do.
    String keep = System.getProperty("baton.bench.data");
    Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("baton-console-bench");
    StringBuilder report = new StringBuilder();
    // Every project Gold, so the S1 third of them is urgent and ticks.
    String config = TestReceiver.CONFIG + "defaults:\n  service_level: Gold\n";
    Files.writeString(dir.resolve("baton.yml"), config);
    try (TestReceiver receiver = TestReceiver.start(dir, config)) {
      long ingest = System.nanoTime();
      feed(receiver.url(), INCIDENTS);
      report.append(String.format("ingest %d incidents: %.1f s (setup, not a console figure)%n", INCIDENTS,
          (System.nanoTime() - ingest) / 1e9));

      // 1. Load and render: from building the window to the first frame that shows the loaded list.
      Map<String, Long> cpuBefore = cpuByThread();
      long t0 = System.nanoTime();
      LiveConsole console = slowOnFx(() -> {
        try {
          return new LiveConsole(stage, dir.resolve("config"), "--server", receiver.url());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      MainView window = console.window;
      double windowMs = (System.nanoTime() - t0) / 1e6;
      FxTestSupport.onFx(() -> window.model().list().show(dev.baton.console.incident.IncidentView.ALL));
      LiveConsole.await("the list", () -> window.model().list().shown().size() >= INCIDENTS);
      long rendered = pulseAfter(() -> { });
      double loadMs = (System.nanoTime() - t0) / 1e6;
      Map<String, Long> cpuAfter = cpuByThread();
      report.append(String.format("load and render %d incidents: %.0f ms (target 2000); of which building the window"
          + " (the list is read meanwhile): %.0f ms%n", INCIDENTS, loadMs, windowMs));
      report.append("  CPU meanwhile by thread (ms): ").append(cpuSpent(cpuBefore, cpuAfter)).append('\n');
      if (Boolean.getBoolean("baton.bench.loadOnly")) {
        report.append(String.format("first frame after the list arrived: %.0f ms%n", rendered / 1e6));
        console.close();
        System.out.println("=== console benchmark ===\n" + report);
        Files.writeString(Path.of(System.getProperty("baton.bench.out", "target/console-bench.txt")), report.toString());
        return;
      }

      // 2. Filter keystrokes: each key typed into the focused filter bar, as a keyboard's KEY_TYPED
      // reaches it, to the updated list, plus the frame that shows it. Keys come at a fast typist's
      // pace, so the completion popup (which waits for a pause in typing) shows between them as it
      // would for a person.
      String typed = "project = p7777";
      List<Double> keystrokes = new ArrayList<>();
      // of which the key's handling itself (the bar's edit, parse, filter, list changes), before the pulse lays it out
      List<Double> textSet = new ArrayList<>();
      // the FX thread's share, as for the ticks below: from the change of text to the end of the next
      // pulse's scene work (CSS, layout, sync to the renderer), without the painting that follows.
      // Monocle paints in software; a desktop's Prism paints on the GPU.
      List<Double> fxShare = Collections.synchronizedList(new ArrayList<>());
      long[] typed0 = new long[1];
      TKPulseListener afterTyping = () -> {
        if (typed0[0] != 0) {
          fxShare.add((System.nanoTime() - typed0[0]) / 1e6);
          typed0[0] = 0;
        }
      };
      FxTestSupport.onFx(() -> Toolkit.getToolkit().addPostSceneTkPulseListener(afterTyping));
      long[] gcBefore = gcCountAndMillis();
      double typingFrom = uptimeSeconds();
      Node editor = stage.getScene().lookup("#mql-filter");
      FxTestSupport.onFx(editor::requestFocus);
      // CPU by thread in each round: on two cores the JIT's compiler threads, still compiling what
      // the load ran, share the machine with the FX thread in the first rounds.
      List<String> cpuByRound = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        Map<String, Long> cpuRound = cpuByThread();
        for (int i = 1; i <= typed.length(); i++) {
          String text = typed.substring(0, i);
          Thread.sleep(KEY_GAP_MS);
          keystrokes.add(pulseAfter(() -> {
            long set = System.nanoTime();
            typed0[0] = set;
            String key = text.substring(text.length() - 1);
            Event.fireEvent(editor, new KeyEvent(KeyEvent.KEY_TYPED, key, key, KeyCode.UNDEFINED, false, false, false, false));
            textSet.add((System.nanoTime() - set) / 1e6);
            if (!window.model().filter().textProperty().get().equals(text)) {
              throw new IllegalStateException("typing '" + key + "' made '" + window.model().filter().textProperty().get() + "'");
            }
          }) / 1e6);
        }
        cpuByRound.add(cpuSpent(cpuRound, cpuByThread()));
        pulseAfter(() -> window.model().filter().textProperty().set(""));
      }
      long[] gcAfter = gcCountAndMillis();
      FxTestSupport.onFx(() -> Toolkit.getToolkit().removePostSceneTkPulseListener(afterTyping));
      double typingTo = uptimeSeconds();
      // The first round runs every path once (the first error, the list's first emptying); the
      // rounds after it are what a session's typing costs from then on.
      List<Double> laterRounds = keystrokes.subList(typed.length(), keystrokes.size());
      int matching = FxTestSupport.onFx(() -> {
        window.model().filter().textProperty().set(typed);
        return window.model().list().shown().size();
      });
      report.append(String.format("filter keystroke to updated list over %d incidents (%d keys typed, %d ms apart): %s"
          + " (target 50); '%s' leaves %d%n", INCIDENTS, keystrokes.size(), KEY_GAP_MS, spread(keystrokes), typed,
          matching));
      report.append("  each keystroke in order, ms: ").append(inOrder(keystrokes)).append('\n');
      List<Double> fxCopy;
      synchronized (fxShare) {
        fxCopy = new ArrayList<>(fxShare);
      }
      report.append("  the FX thread's share (to the end of the next pulse's scene work, without the software painting), ms: ")
          .append(inOrder(fxCopy)).append('\n');
      report.append("  the FX thread's share: ").append(spread(fxCopy)).append('\n');
      report.append("  of which the key's handling (the bar's edit, parse, filter, list changes), ms: ")
          .append(inOrder(textSet)).append('\n');
      report.append("  rounds 2 and 3 (after every path ran once in round 1): ").append(spread(laterRounds)).append('\n');
      for (int round = 0; round < cpuByRound.size(); round++) {
        report.append(String.format("  CPU by thread in round %d (ms): %s%n", round + 1, cpuByRound.get(round)));
      }
      report.append(String.format("  meanwhile (JVM uptime %.1f-%.1f s): %d garbage collections, %d ms in all%n",
          typingFrom, typingTo, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]));

      // 3. 500 ticking cards on one screen: the FX thread's share of each pulse while the 1 Hz clock ticks.
      List<IncidentCard> urgent = FxTestSupport.onFx(() -> window.model().list().cards().stream()
          .filter(c -> c.sla().urgent()).limit(TICKING).toList());
      // Each tick: from the clock's first subscriber (before every card's timer) to the end of that
      // pulse's scene work (CSS, layout, sync to the renderer), on the FX thread.
      long[] tickStart = new long[1];
      // What each tick spent its time on besides the FX thread's work, or waited for.
      TickCosts costs = new TickCosts();
      Stage wall = slowOnFx(() -> {
        SlaClock clock = new SlaClock(Clock.systemUTC());
        clock.subscribe(now -> {
          tickStart[0] = System.nanoTime();
          costs.start();
        });
        FlowPane grid = new FlowPane(4, 4);
        for (IncidentCard card : urgent) {
          IncidentCardNode node = new IncidentCardNode(clock, ZoneOffset.UTC, (n, v, neg) -> { }, c -> false);
          node.show(card);
          node.node().setPrefSize(380, 112);
          node.node().setMaxSize(380, 112);
          grid.getChildren().add(node.node());
        }
        Stage s = new Stage();
        Scene scene = new Scene(grid, 1940, 5600);
        Theme.addStylesheet(scene);
        Theme.LIGHT.apply(scene);
        s.setScene(scene);
        s.show();
        // The console's window waits hidden meanwhile. Monocle has no window manager, so JavaFX
        // repaints every window whenever one of them changes (PaintCollector.renderAll): the console's
        // own tick and its filter's caret would each repaint these 500 cards in software, and a tick
        // that came while that was painting waited for it. A desktop repaints only the window that changed.
        stage.hide();
        clock.start();
        return s;
      });
      List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
      // When each slow tick began, to match against the JVM's own logs (-Xlog:gc,safepoint:…:uptime).
      List<String> slowTicksAt = Collections.synchronizedList(new ArrayList<>());
      // The toolkit holds its pulse listeners weakly: this reference keeps it until it is removed below.
      TKPulseListener afterScenes = () -> {
        if (tickStart[0] != 0) {
          pulses.add(System.nanoTime() - tickStart[0]);
          costs.end();
          long took = System.nanoTime() - tickStart[0];
          if (took > 12_000_000L) {
            slowTicksAt.add(String.format("%.3f s (%.1f ms)", uptimeSeconds() - took / 1e9, took / 1e6));
          }
          tickStart[0] = 0;
        }
      };
      FxTestSupport.onFx(() -> Toolkit.getToolkit().addPostSceneTkPulseListener(afterScenes));
      // The first layout of 500 cards takes long on a loaded machine: measure from the pulse after it.
      pulseAfter(() -> { });
      // Building 500 cards leaves thousands of nodes among the young generation's survivors, and the
      // first young collection after it, 20-odd seconds later, copies them to the old one: a pause of
      // 18-21 ms here, once, against 4-6 ms for the young collections after it. Collected now, as JMH
      // collects between set-up and measurement, so that the ticks meet the collections of a console
      // whose cards are built (each tick's pauses are reported below).
      System.gc();
      // The first ticks run the timers' code before the JIT has compiled it: shown apart, as warm-up.
      Thread.sleep(10_000);
      String warmUp;
      synchronized (pulses) {
        warmUp = inOrder(pulses.stream().map(n -> n / 1e6).toList());
        pulses.clear();
        costs.clear();
        slowTicksAt.clear();
      }
      long[] gcTicking = gcCountAndMillis();
      long[] machineTicking = machineCpuTicks();
      Map<String, Long> cpuTicking = cpuByThread();
      Map<String, Long> allocTicking = allocatedByThread();
      Thread.sleep(30_000);
      long[] gcTicked = gcCountAndMillis();
      long[] machineTicked = machineCpuTicks();
      String cpuTicked = cpuSpent(cpuTicking, cpuByThread());
      String allocTicked = allocated(allocTicking, allocatedByThread());
      List<Long> sorted;
      String tickCosts;
      synchronized (pulses) {
        sorted = new ArrayList<>(pulses);
        tickCosts = costs.report();
      }
      String ticksInOrder = inOrder(sorted.stream().map(n -> n / 1e6).toList());
      Collections.sort(sorted);
      long over16 = sorted.stream().filter(n -> n > 16_000_000L).count();
      // Every pulse with a change walks all nodes of the scene to update their bounds.
      int nodes = FxTestSupport.onFx(() -> nodesUnder(wall.getScene().getRoot()));
      report.append(String.format("500 ticking cards, 30 s at 1 Hz after 10 s of warm-up: %d ticks, median %.2f ms, max %.2f ms, %d over"
          + " 16 ms (FX thread: the tick, then its pulse's CSS, layout, sync to the renderer); %d nodes in the scene%n",
          sorted.size(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6,
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, over16, nodes));
      report.append("  each tick in order, ms: ").append(ticksInOrder).append('\n');
      report.append(tickCosts);
      report.append("  ticks over 12 ms began at JVM uptime: ").append(String.join(", ", slowTicksAt)).append('\n');
      report.append("  before them, the first 10 s after the cards appeared (warm-up), ms: ").append(warmUp).append('\n');
      report.append(String.format("  the machine meanwhile: busy %.0f %%, stolen by the hypervisor %.1f %% (/proc/stat)%n",
          share(machineTicking, machineTicked, 0), share(machineTicking, machineTicked, 1)));
      // The renderer paints each tick's frame after the pulse; a pulse waits for the frame before it
      // to be painted, so a renderer near 1 s of CPU a tick makes the ticks wait.
      report.append("  CPU by thread meanwhile (ms): ").append(cpuTicked).append('\n');
      // Every young collection stops the FX thread wherever it is: what fills the young generation.
      report.append("  allocated by thread meanwhile (KiB): ").append(allocTicked).append('\n');
      report.append(String.format("  meanwhile: %d garbage collections, %d ms in all%n", gcTicked[0] - gcTicking[0],
          gcTicked[1] - gcTicking[1]));
      FxTestSupport.onFx(() -> {
        Toolkit.getToolkit().removePostSceneTkPulseListener(afterScenes);
        wall.hide();
        stage.show();
      });

      System.gc();
      report.append(String.format("RSS of this JVM (console + embedded receiver's client side + test harness) with %d"
          + " incidents listed: %d MiB (target 400)%n", INCIDENTS, rssKiB() / 1024));
      report.append(String.format("first frame after the list arrived: %.0f ms%n", rendered / 1e6));
      console.close();
    } finally {
      if (keep == null) {
        deleteTree(dir);
      }
    }
    System.out.println("=== console benchmark ===\n" + report);
    Path out = Path.of(System.getProperty("baton.bench.out", "target/console-bench.txt"));
    Files.writeString(out, report.toString());
  }

  /** Like {@link FxTestSupport#onFx}, with room for a first layout of 500 cards on a loaded machine. */
  private static <T> T slowOnFx(java.util.function.Supplier<T> action) throws Exception {
    java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
    javafx.application.Platform.runLater(() -> {
      try {
        result.complete(action.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result.get(5, TimeUnit.MINUTES);
  }

  /** {@code count} incidents: one alert each, distinct projects and names, a third of them urgent (S1). */
  private static void feed(String url, int count) throws Exception {
    ObjectMapper json = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    int batch = 500;
    for (int from = 0; from < count; from += batch) {
      List<Map<String, Object>> alerts = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + batch); i++) {
        alerts.add(Map.of("labels", Map.of("alertname", "Alert" + (i % 97), "project", "p" + i,
            "severity", i % 3 == 0 ? "critical" : "warning", "instance", "host-" + (i % 211)),
            "annotations", Map.of("summary", "benchmark alert " + i),
            "startsAt", Instant.now().minusSeconds(60).toString()));
      }
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alerts))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
      }
    }
  }

  /**
   * CPU time (user + system, ms) of this process's threads by name, digits dropped (JIT compiler
   * threads included): a figure a loaded machine does not inflate the way it does wall-clock times.
   */
  private static Map<String, Long> cpuByThread() throws Exception {
    Map<String, Long> cpu = new java.util.TreeMap<>();
    cpu.put(PROCESS, ticksToMs(Files.readString(Path.of("/proc/self/stat"))));
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (java.io.IOException ended) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
        cpu.merge(name, ticksToMs(stat), Long::sum);
      }
    }
    return cpu;
  }

  private static final String PROCESS = "(process)";

  /** utime + stime of a /proc stat line, in ms (100 ticks per second). */
  private static long ticksToMs(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /**
   * What each tick cost the FX thread besides its wall time, read on the FX thread at the tick's
   * start and end. These reads (small /proc files) run inside the measured tick: its figure includes them.
   */
  private static final class TickCosts {

    /** What each column says; {@link #SCALES}: how a difference of two readings becomes its figure. */
    private static final String[] NAMES = {
        // A tick that took long while the thread used little CPU waited (for the renderer, or a core).
        "the FX thread's CPU in each tick, ms",
        // A young collection stops the FX thread wherever it is.
        "garbage collection pauses in each tick, ms",
        "the FX thread ready to run but waiting for a core in each tick, ms",
        // A lock, the renderer.
        "times the FX thread waited (gave up its core) in each tick",
        "the machine's CPU time stolen by the hypervisor in each tick, ms (10 ms steps)"};
    private static final double[] SCALES = {1e-6, 1, 1e-6, 1, 10};

    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long[] started;
    private final List<double[]> ticks = Collections.synchronizedList(new ArrayList<>());

    void start() {
      started = readings();
    }

    void end() {
      long[] now = readings();
      double[] tick = new double[now.length];
      for (int i = 0; i < now.length; i++) {
        tick[i] = (now[i] - started[i]) * SCALES[i];
      }
      ticks.add(tick);
    }

    void clear() {
      ticks.clear();
    }

    /** A line per column, each tick's figure in order. */
    String report() {
      List<double[]> shown;
      synchronized (ticks) {
        shown = new ArrayList<>(ticks);
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < NAMES.length; i++) {
        int column = i;
        text.append("  ").append(NAMES[i]).append(": ").append(inOrder(shown.stream().map(t -> t[column]).toList()))
            .append('\n');
      }
      return text.toString();
    }

    private long[] readings() {
      return new long[] {threads.getCurrentThreadCpuTime(), gcCountAndMillis()[1], runQueueNanos(),
          voluntarySwitches(), stolenTicks()};
    }
  }

  /** Bytes each live thread has allocated so far, by thread name (digits as N). */
  private static Map<String, Long> allocatedByThread() {
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
    Map<String, Long> allocated = new java.util.TreeMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && bytes[i] > 0) {
        allocated.merge(infos[i].getThreadName().replaceAll("[0-9]+", "N"), bytes[i], Long::sum);
      }
    }
    return allocated;
  }

  /** What each thread allocated between two {@link #allocatedByThread} readings, in KiB, the most first. */
  private static String allocated(Map<String, Long> before, Map<String, Long> after) {
    List<Map.Entry<String, Long>> spent = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long kib = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1024;
      total += kib;
      if (kib >= 64) {
        spent.add(Map.entry(e.getKey(), kib));
      }
    }
    spent.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder text = new StringBuilder("total ").append(total);
    spent.forEach(e -> text.append(", ").append(e.getKey()).append(' ').append(e.getValue()));
    return text.toString();
  }

  /** The process's total, then the threads that used at least 20 ms between the two readings, most first. */
  private static String cpuSpent(Map<String, Long> before, Map<String, Long> after) {
    List<Map.Entry<String, Long>> spent = new ArrayList<>();
    long total = after.get(PROCESS) - before.get(PROCESS);
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long ms = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (ms >= 20 && !e.getKey().equals(PROCESS)) {
        spent.add(Map.entry(e.getKey(), ms));
      }
    }
    spent.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder text = new StringBuilder("total ").append(total);
    spent.forEach(e -> text.append(", ").append(e.getKey()).append(' ').append(e.getValue()));
    return text.toString();
  }

  /** The receiver's folder when no one keeps it: the benchmark leaves nothing behind in /tmp. */
  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int nodesUnder(javafx.scene.Node node) {
    int count = 1;
    if (node instanceof javafx.scene.Parent parent) {
      for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
        count += nodesUnder(child);
      }
    }
    return count;
  }

  /** Median, 95th percentile and maximum of {@code millis}. */
  private static String spread(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format("median %.1f ms, p95 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2),
        sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1));
  }

  /** Milliseconds as whole numbers, in the order given. */
  private static String inOrder(List<Double> millis) {
    return millis.stream().map(ms -> String.format("%.0f", ms)).collect(java.util.stream.Collectors.joining(" "));
  }

  /** Collections so far and the milliseconds they took, over all collectors. */
  private static long[] gcCountAndMillis() {
    long count = 0;
    long millis = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += gc.getCollectionCount();
      millis += gc.getCollectionTime();
    }
    return new long[] {count, millis};
  }

  /**
   * How long the calling thread has waited, runnable, for a core (second field of
   * /proc/thread-self/schedstat, ns); 0 where the kernel does not keep it.
   */
  private static long runQueueNanos() {
    try {
      String[] fields = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
      return Long.parseLong(fields[1]);
    } catch (Exception e) {
      return 0;
    }
  }

  /** How many times the calling thread gave up its core to wait (/proc/thread-self/status); 0 where unknown. */
  private static long voluntarySwitches() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
        if (line.startsWith("voluntary_ctxt_switches:")) {
          return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (Exception e) {
      // not Linux: reported as no waits
    }
    return 0;
  }

  /** The machine's CPU time stolen by the hypervisor so far, in clock ticks (10 ms); 0 where unknown. */
  private static long stolenTicks() {
    try {
      return machineCpuTicks()[1];
    } catch (Exception e) {
      return 0;
    }
  }

  private static double uptimeSeconds() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }

  /** This machine's CPU time from /proc/stat, in clock ticks: busy (not idle nor waiting for I/O), stolen, total. */
  private static long[] machineCpuTicks() throws Exception {
    String[] f;
    // The first line only: the whole file, with its interrupt counts, takes long enough to show in a tick.
    try (var lines = Files.newBufferedReader(Path.of("/proc/stat"))) {
      f = lines.readLine().trim().split("\\s+");
    }
    long total = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    long stolen = Long.parseLong(f[8]);
    return new long[] {total - idle - stolen, stolen, total};
  }

  /** Percent of the machine's CPU time between two {@link #machineCpuTicks} readings: busy (0) or stolen (1). */
  private static double share(long[] from, long[] to, int which) {
    long total = to[2] - from[2];
    return total == 0 ? 0 : 100.0 * (to[which] - from[which]) / total;
  }

  private static long rssKiB() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
