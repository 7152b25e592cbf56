package dev.baton.server.report;

import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Latency of {@code GET /api/v1/reports/incidents} and {@code GET /api/v1/reports/sla} over HTTP against a store made by
 * {@link ReportStoreGenerator}: one client, requests one after another after a warm-up; p50, p95
 * and the slowest per kind of request.
 *
 * <pre>
 * ReportBenchmark FILE [requests=30]
 * </pre>
 */
public final class ReportBenchmark {

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(file).withTickInterval(Duration.ZERO))) {
      while (!server.ready()) {
        Thread.sleep(50);
      }
      HttpClient http = HttpClient.newHttpClient();
      String quarter = "from=" + Instant.now().minus(Duration.ofDays(91)) + "&";
      String[][] kinds = {
          {"all incidents", ""},
          {"last 91 days", quarter},
          {"q=project = p07", "q=" + enc("project = p07")},
          {"q=~team = team03 (label)", "q=" + enc("~team = team03")},
          {"q=severity <= S3 AND ~team != team05", "q=" + enc("severity <= S3 AND ~team != team05")},
      };
      System.out.printf("store %s; %d requests per kind after %d warm-up requests%n", file, requests,
          Math.max(5, requests / 5));
      for (String report : new String[] {"incidents", "sla"}) {
        for (String[] kind : kinds) {
          run(http, server.url() + "/api/v1/reports/" + report + "?" + kind[1], report + ": " + kind[0], requests);
        }
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void run(HttpClient http, String url, String name, int requests) throws Exception {
    int warmup = Math.max(5, requests / 5);
    long[] nanos = new long[requests];
    String body = "";
    for (int i = 0; i < warmup + requests; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
      }
      body = r.body();
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
    }
    Arrays.sort(nanos);
    int incidents = body.indexOf("\"incidents\":");
    String counted = body.substring(incidents + 12, body.indexOf(',', incidents));
    System.out.printf("%-50s incidents %7s  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d bytes)%n", name, counted,
        nanos[requests / 2] / 1e6, nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6,
        nanos[requests - 1] / 1e6, body.length());
  }
}
