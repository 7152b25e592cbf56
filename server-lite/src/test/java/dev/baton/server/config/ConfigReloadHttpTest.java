package dev.baton.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real receiver reading a real file: reload on request and on change, invalid versions rejected
 * with their problems while the running one stays, checks that apply nothing, admins only.
 */
class ConfigReloadHttpTest {

  private static final String ADMIN = "admin-secret-0123456789";
  private static final String NEW_ADMIN = "admin-secret-rotated-0123";
  private static final String OPERATE = "operate-secret-0123456789";
  private static final String INGEST = "ingest-secret-0123456789";

  @TempDir
  Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private BatonServer server;

  static String config(String level, String adminSecret, String extra) {
    return "# level " + level + "\n"
        + "tokens:\n"
        + "  - {name: admin, role: admin, secret: " + adminSecret + "}\n"
        + "  - {name: ops, role: operate, secret: " + OPERATE + "}\n"
        + "  - {name: prom, role: ingest, secret: " + INGEST + "}\n"
        + "projects:\n"
        + "  alpha: {service_level: " + level + "}\n"
        + extra
        + "# end of level " + level + "\n";
  }

  @Test
  void reloadsOnRequestAndOnChangeAndKeepsTheRunningVersionWhenTheNewOneIsInvalid() throws Exception {
    Path file = Files.writeString(dir.resolve("baton.yml"), config("Gold", ADMIN, ""));
    ConfigSource source = ConfigSource.of(file);
    server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("baton.db")).withConfig(source.load())
        .withConfigSource(source).withTickInterval(Duration.ZERO));
    try {
      fire("A1");
      assertEquals("Gold", serviceLevel("A1"));

      // checks apply nothing; only admins may run them
      JsonNode check = send("GET", "/api/v1/config/check", ADMIN, null, 200);
      assertTrue(check.path("valid").asBoolean());
      assertEquals(file.toString(), check.path("file").asText());
      send("GET", "/api/v1/config/check", OPERATE, null, 403);
      send("POST", "/api/v1/admin/reload", OPERATE, "", 403);
      JsonNode posted = send("POST", "/api/v1/config/check", ADMIN,
          "projects:\n  alpha: {service_level: Diamond}\nrouting:\n  - 'projct = x -> #l1'\n", 200);
      assertFalse(posted.path("valid").asBoolean());
      assertEquals(List.of("projects.alpha.service_level: expected one of Platinum, Gold, Silver, None, got 'Diamond'",
          "routing[0]: mql 1:1: unknown field 'projct' — did you mean 'project'?\nprojct = x -> #l1\n^"),
          texts(posted.path("problems")));

      // an invalid file is rejected, with its problems, and the running configuration stays
      Files.writeString(file, config("Diamond", ADMIN, "teams:\n  bravo: {escalation: ['#nobody']}\n"));
      JsonNode rejected = send("POST", "/api/v1/admin/reload", ADMIN, "", 400);
      assertFalse(rejected.path("applied").asBoolean());
      assertEquals(List.of("teams.bravo.escalation[0]: team '#nobody' is not defined in teams",
          "projects.alpha.service_level: expected one of Platinum, Gold, Silver, None, got 'Diamond'"),
          texts(rejected.path("problems")));
      fire("A2");
      assertEquals("Gold", serviceLevel("A2"));
      assertTrue(send("GET", "/api/v2/status", ADMIN, null, 200).path("config").path("original").asText()
          .startsWith("# level Gold"));

      // a valid one applies: the writer's policy, the tokens at once; limits wait for a restart
      Files.writeString(file, config("Platinum", NEW_ADMIN, "limits: {queue: 500}\n"
          + "teams: {dba: {members: [carol]}}\nrouting: ['trigger = A3 -> #dba']\n"));
      JsonNode applied = send("POST", "/api/v1/admin/reload", ADMIN, "", 200);
      assertTrue(applied.path("applied").asBoolean(), applied.toString());
      assertEquals(List.of("limits"), texts(applied.path("restartRequired")));
      send("GET", "/api/v1/config/check", ADMIN, null, 401);
      send("GET", "/api/v1/config/check", NEW_ADMIN, null, 200);
      fire("A3");
      assertEquals("Platinum", serviceLevel("A3"));
      assertEquals("#dba", incident("A3").path("holder").asText(), "the reloaded routing rules apply");

      // saving the file is enough
      Files.writeString(file, config("Silver", NEW_ADMIN, ""));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!send("GET", "/api/v2/status", NEW_ADMIN, null, 200).path("config").path("original").asText()
          .endsWith("# end of level Silver\n")) {
        assertTrue(System.nanoTime() < deadline, "the edited file was not applied");
        Thread.sleep(100);
      }
      fire("A4");
      assertEquals("Silver", serviceLevel("A4"));

      // and a bad save is rejected the same way, the receiver running on
      Files.writeString(file, "projects: [\n");
      Thread.sleep(3000);
      fire("A5");
      assertEquals("Silver", serviceLevel("A5"));
    } finally {
      server.close();
    }
  }

  private void fire(String alertname) throws Exception {
    String body = "[{\"labels\": {\"alertname\": \"" + alertname + "\", \"project\": \"alpha\", \"severity\": \"critical\"}}]";
    send("POST", "/api/v2/alerts", INGEST, body, 200);
  }

  private String serviceLevel(String alertname) throws Exception {
    return incident(alertname).path("serviceLevel").asText();
  }

  private JsonNode incident(String alertname) throws Exception {
    String q = URLEncoder.encode("trigger = " + alertname, StandardCharsets.UTF_8);
    JsonNode page = send("GET", "/api/v1/incidents?q=" + q, OPERATE, null, 200);
    assertEquals(1, page.path("items").size(), page.toString());
    return page.path("items").get(0);
  }

  private JsonNode send(String method, String path, String token, String body, int status) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + token);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), method + " " + path + " answered " + r.body());
    return json.readTree(r.body());
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
