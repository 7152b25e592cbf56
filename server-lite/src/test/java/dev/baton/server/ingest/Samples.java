package dev.baton.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real payloads captured from Prometheus 2.42, Alertmanager 0.25 and amtool, copied into test resources. */
final class Samples {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Samples() {}

  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** The body of a capture file that records one request ({@code {"method":…, "body": …}}). */
  static byte[] capturedBody(String name) {
    try {
      return MAPPER.writeValueAsBytes(MAPPER.readTree(bytes(name)).get("body"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bodies of the POST requests in a capture log (one JSON request per line), in order. */
  static List<byte[]> postedBodies(String name) {
    List<byte[]> bodies = new ArrayList<>();
    try {
      for (String line : text(name).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode request = MAPPER.readTree(line);
        if ("POST".equals(request.get("method").asText())) {
          bodies.add(MAPPER.writeValueAsBytes(request.get("body")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodies;
  }

  static JsonNode tree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
