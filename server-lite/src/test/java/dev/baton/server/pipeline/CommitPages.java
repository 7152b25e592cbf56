package dev.baton.server.pipeline;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.ingest.Event;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.store.SqliteStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where a commit's pages go: the writer stores alerts shaped as the load generator sends them
 * (6 labels, 50 alert names, one alert per request, 8 requests in flight), then the WAL frames
 * written since the WAL last started over are read from their headers and each page is named by
 * SQLite's {@code dbstat}: frames per commit, per b-tree. Independent of CPU load: run with
 * {@code bench/commit-pages.sh} (see docs/benchmarks.md).
 *
 * <p>Arguments: warm-up alerts (distinct, default 40000), measured alerts (default 1000; the WAL
 * must stay below the checkpointer's restart size, 64 MiB), sends
 * of each measured alert (1: new alerts as in scenario a; 2 or more: the measured alerts are
 * sent once untimed, then re-sent, as in scenario c), in flight (default 8).
 */
public final class CommitPages {

  private static final int WAL_HEADER = 32;
  private static final int FRAME_HEADER = 24;

  private CommitPages() {}

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int sends = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int depth = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Path dir = Files.createTempDirectory("baton-commit-pages");
    Path db = dir.resolve("baton.db");
    SqliteStore store = SqliteStore.open(db, SqliteStore.Synchronous.NORMAL);
    ReceiverMetrics metrics = new ReceiverMetrics();
    Pipeline pipeline = new Pipeline(store, BatonConfig.DEFAULT, Clock.systemUTC(), metrics);
    pipeline.start();
    send(pipeline, 0, warmup, depth);
    if (sends > 1) {
      send(pipeline, warmup, measured, depth);
    }
    Thread.sleep(1200); // the checkpointer copies the warm-up back; the next commit starts the WAL over
    send(pipeline, warmup + measured, 1, 1);
    Path walFile = Path.of(db + "-wal");
    // a reader holding the snapshot of that commit keeps the WAL from starting over while the rest is written
    byte[] wal;
    int from;
    long commits;
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      reader.setAutoCommit(false);
      try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
        rs.next();
      }
      from = frames(Files.readAllBytes(walFile));
      commits = metrics.commitBatchSize.count();
      for (int i = 1; i < Math.max(2, sends); i++) {
        send(pipeline, warmup, measured, depth);
      }
      // the writer is idle now, so nothing starts the WAL over while it is read
      wal = Files.readAllBytes(walFile);
      commits = metrics.commitBatchSize.count() - commits;
      reader.rollback();
    }
    System.out.printf("%d alerts in %d commits, %.1f requests (alerts) per commit%n", measured, commits,
        (double) measured / Math.max(1, commits));
    Map<Integer, String> owners = owners(db);
    pipeline.close();
    store.close();
    report(wal, from, owners, sends == 1 ? "new alerts" : "re-sends", (double) measured / Math.max(1, commits));
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void send(Pipeline pipeline, int first, int count, int depth) throws Exception {
    Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    Instant now = Instant.now();
    Instant endsAt = now.plusSeconds(240);
    byte[] body = new byte[360];
    for (int i = first; i < first + count; i++) {
      Map<String, String> labels = new TreeMap<>();
      labels.put("alertname", "Load" + (i % 50));
      labels.put("instance", "host-" + i + ":9100");
      labels.put("job", "node");
      labels.put("severity", "warning");
      labels.put("loadgen_run", "run1");
      labels.put("loadgen_phase", "a");
      Event e = new Event(labels, Map.of("summary", "Synthetic alert " + i), Event.Kind.LASTING, Event.Status.FIRING,
          now, endsAt, null, null, "http://127.0.0.1:9090/graph?g0.expr=up%3D%3D0");
      inFlight.add(pipeline.submit(new Submission(new Source("127.0.0.1 alertmanager-v2", null), "alertmanager-v2",
          "127.0.0.1", "application/json", body, List.of(e), System.currentTimeMillis())));
      if (inFlight.size() >= depth) {
        inFlight.poll().get(60, TimeUnit.SECONDS);
      }
    }
    for (CompletableFuture<Void> f : inFlight) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  /** Page number to the table or index it belongs to now (free pages are absent). */
  private static Map<Integer, String> owners(Path db) throws SQLException {
    Map<Integer, String> owners = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT pageno, name FROM dbstat")) {
      while (rs.next()) {
        owners.put(rs.getInt(1), rs.getString(2));
      }
    }
    return owners;
  }

  /** How many frames the WAL's current generation holds (their salts match its header). */
  private static int frames(byte[] wal) {
    ByteBuffer b = ByteBuffer.wrap(wal);
    if (wal.length < WAL_HEADER) {
      return 0;
    }
    int frameSize = FRAME_HEADER + b.getInt(8);
    int n = 0;
    for (int at = WAL_HEADER; at + frameSize <= wal.length; at += frameSize) {
      if (b.getInt(at + 8) != b.getInt(16) || b.getInt(at + 12) != b.getInt(20)) {
        break;
      }
      n++;
    }
    return n;
  }

  /**
   * The WAL's frames of the current generation from frame {@code from} on (all of them when the WAL
   * started over after all), by owner, per commit.
   */
  private static void report(byte[] wal, int from, Map<Integer, String> owners, String what, double alertsPerCommit)
      throws IOException {
    ByteBuffer b = ByteBuffer.wrap(wal);
    if (wal.length < WAL_HEADER) {
      throw new IOException("no WAL to read");
    }
    int pageSize = b.getInt(8);
    int salt1 = b.getInt(16);
    int salt2 = b.getInt(20);
    int skip = frames(wal) > from ? from : 0;
    Map<String, Integer> frames = new TreeMap<>();
    int commits = 0;
    int total = 0;
    int open = 0;
    int start = WAL_HEADER + skip * (FRAME_HEADER + pageSize);
    for (int at = start; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
      if (b.getInt(at + 8) != salt1 || b.getInt(at + 12) != salt2) {
        break;
      }
      int page = b.getInt(at);
      String owner = page == 1 ? "page 1 (header, schema)" : owners.getOrDefault(page, "(free page)");
      frames.merge(owner, 1, Integer::sum);
      open++;
      if (b.getInt(at + 4) != 0) { // a commit frame: the transaction's frames so far are committed
        commits++;
        total += open;
        open = 0;
      }
    }
    double perCommit = commits == 0 ? 0.0 : (double) total / commits;
    System.out.printf("%s: %d commits, %.1f frames (pages) per commit, %.2f per alert%n", what, commits, perCommit,
        perCommit / alertsPerCommit);
    List<Map.Entry<String, Integer>> rows = new ArrayList<>(frames.entrySet());
    rows.sort((x, y) -> y.getValue() - x.getValue());
    for (Map.Entry<String, Integer> r : rows) {
      System.out.printf("  %-32s %6.2f%n", r.getKey(), commits == 0 ? 0.0 : (double) r.getValue() / commits);
    }
  }
}
