package dev.baton.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Config files for the peers (from src/test/resources/e2e, placeholders filled in) and small HTTP calls. */
final class Resources {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Resources() {}

  /** Copies resource e2e/{@code name} to {@code dir}, replacing each {@code @KEY@} by its value. */
  static Path render(String name, Path dir, Map<String, String> values) throws IOException {
    String text;
    try (InputStream in = Resources.class.getResourceAsStream("/e2e/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource e2e/" + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> v : values.entrySet()) {
      text = text.replace("@" + v.getKey() + "@", v.getValue());
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static String get(String url) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> postJson(String url, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The value of the Prometheus text-format sample whose line starts with {@code series} (name and
   * labels as printed, e.g. {@code prometheus_notifications_errors_total{alertmanager="…"}}), or -1.
   */
  static double metric(String exposition, String series) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
      }
    }
    return -1;
  }
}
