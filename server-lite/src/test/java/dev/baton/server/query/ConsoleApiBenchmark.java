package dev.baton.server.query;

import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.BatonConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Latency of the console API's reads over HTTP against a store made by {@link ConsoleStoreGenerator}:
 * one client, requests one after another after a warm-up; p50/p95/p99 per kind of request.
 *
 * <pre>
 * ConsoleApiBenchmark FILE [requests=500] [RUNBOOKS-FOLDER]
 * </pre>
 *
 * With a runbooks folder the lists are asked in turn of two receivers on the same file, one
 * without runbooks and one with them (each card counts the runbooks that match it), so that both
 * see the same load; the other reads run with them.
 */
public final class ConsoleApiBenchmark {

  private static final String[] FILTERS = {
      "project = p07",
      "~team = team03",
      "severity <= S3 AND trigger =~ \"^Trigger1\"",
      "~instance =~ \"^host-000\"",
      "project = p11 AND ~team != team05 AND status = open",
      "",
  };

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Path runbooks = args.length > 2 ? Path.of(args[2]) : null;
    List<Long> open = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM incidents WHERE closed_at IS NULL")) {
      while (rs.next()) {
        open.add(rs.getLong(1));
      }
    }
    HttpClient http = HttpClient.newHttpClient();
    System.out.printf("store %s: %d open incidents; %d requests per kind after a warm-up%n", file, open.size(), requests);
    try (BatonServer server = start(file, runbooks)) {
      SplittableRandom random = new SplittableRandom(1);
      if (runbooks == null) {
        lists(http, server, null, requests);
      } else {
        // a second receiver on the same file without runbooks, asked in turn with the first, so
        // that both see the same load: the difference is the cards' runbook counts
        try (BatonServer plain = start(file, null)) {
          lists(http, plain, server, requests);
        }
      }
      for (String part : List.of("", "/history", "/similar", "/others")) {
        run(http, "incident" + (part.isEmpty() ? " detail" : part), requests,
            i -> server.url() + "/api/v1/incidents/" + open.get(random.nextInt(open.size())) + part);
      }
      run(http, "labels/instance/values?prefix=host-01", requests,
          i -> server.url() + "/api/v1/labels/instance/values?prefix=host-01&limit=50");
    }
  }

  private static BatonServer start(Path file, Path runbooks) throws Exception {
    BatonServer server = BatonServer.start(ServerSettings.forDatabase(file)
        .withConfig(BatonConfig.DEFAULT.withRunbooks(runbooks)).withTickInterval(Duration.ZERO));
    while (!server.ready()) {
      Thread.sleep(50);
    }
    return server;
  }

  /** The lists on {@code server}; with {@code withRunbooks}, on both in turn, each measured apart. */
  private static void lists(HttpClient http, BatonServer server, BatonServer withRunbooks, int requests)
      throws Exception {
    for (String filter : FILTERS) {
      String q = URLEncoder.encode(filter, StandardCharsets.UTF_8);
      String name = "list q=" + (filter.isEmpty() ? "(none)" : filter);
      List<IntFunction<String>> urls = new ArrayList<>();
      urls.add(i -> server.url() + "/api/v1/incidents?limit=50&q=" + q);
      if (withRunbooks != null) {
        urls.add(i -> withRunbooks.url() + "/api/v1/incidents?limit=50&q=" + q);
      }
      run(http, withRunbooks == null ? List.of(name) : List.of(name + " (no runbooks)", name + " (runbooks)"),
          requests / 2, urls);
    }
  }

  private static void run(HttpClient http, String name, int requests, IntFunction<String> url) throws Exception {
    run(http, List.of(name), requests, List.of(url));
  }

  /** Asks each of {@code urls} in turn, {@code requests} times each after a warm-up; one line of figures per url. */
  private static void run(HttpClient http, List<String> names, int requests, List<IntFunction<String>> urls)
      throws Exception {
    int warmup = Math.max(20, requests / 5);
    long[][] nanos = new long[urls.size()][requests];
    for (int i = 0; i < warmup + requests; i++) {
      for (int u = 0; u < urls.size(); u++) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(u).apply(i))).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        if (i >= warmup) {
          nanos[u][i - warmup] = took;
        }
      }
    }
    for (int u = 0; u < urls.size(); u++) {
      long[] sorted = nanos[u];
      Arrays.sort(sorted);
      System.out.printf("%-58s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", names.get(u),
          pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
  }
}
