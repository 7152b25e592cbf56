package dev.baton.server.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.config.ConfigSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reloaded postmortems section applies at once: the options, validation and template follow it. */
class PostmortemReloadHttpTest {

  @TempDir
  Path dir;

  @Test
  void reloadedListsApplyAtOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("baton.yml"), "postmortems:\n  triggers: [release, unknown]\n");
    ConfigSource source = ConfigSource.of(file);
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db"))
        .withConfig(source.load()).withConfigSource(source).withTickInterval(Duration.ZERO))) {
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(List.of("release", "unknown"), triggers(http, server));
      Files.writeString(file, "postmortems:\n  triggers: [release, feature_flag]\n"
          + "  sections: [{title: Timeline review, questions: [\"What did we see first?\"]}]\n");
      HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/admin/reload"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reload.statusCode(), reload.body());
      assertEquals(List.of("release", "feature_flag"), triggers(http, server));
      JsonNode options = options(http, server);
      assertEquals("Timeline review", options.get("template").get(0).get("title").asText());
    }
  }

  private static JsonNode options(HttpClient http, BatonServer server) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/postmortems/options"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return ReviewReceiver.JSON.readTree(r.body());
  }

  private static List<String> triggers(HttpClient http, BatonServer server) throws Exception {
    List<String> ids = new ArrayList<>();
    options(http, server).get("triggerCategories").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }
}
