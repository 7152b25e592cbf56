package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.BatonApiException;
import dev.baton.console.incident.IncidentCard;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.StartupException;
import dev.baton.server.config.ConfigLoader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConsoleWiringTest {

  @TempDir
  Path dir;

  /** The options, with a config folder of the test's own (never the user's remembered connection). */
  private ConsoleOptions parse(String... args) {
    ConsoleOptions options = new ConsoleOptions();
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config-dir";
    all[args.length + 1] = dir.resolve("config").toString();
    new CommandLine(options).parseArgs(all);
    return options;
  }

  @Test
  void theRememberedReceiverIsUsedUnlessEmbeddedIsAsked() throws Exception {
    new dev.baton.console.connection.RememberedConnection(new dev.baton.console.config.ConfigFolder(dir.resolve("config")))
        .save(new dev.baton.console.connection.RememberedConnection.Saved("http://baton.example:9393", "s3cret-token"));
    try (ConsoleWiring wiring = ConsoleWiring.start(parse())) {
      assertFalse(wiring.embedded());
      assertEquals("http://baton.example:9393", wiring.receiver().toString());
      assertEquals("token …oken on http://baton.example:9393", wiring.describe());
    }
    try (ConsoleWiring wiring = ConsoleWiring.start(parse("--embedded", "--data-dir", dir.toString()))) {
      assertTrue(wiring.embedded());
    }
  }

  @Test
  void startsAnEmbeddedReceiverOnLoopbackWithItsDatabaseInTheDataDir() throws Exception {
    // Hold 9393 so the console must fall back to a free port, whatever else runs on this machine.
    ServerSocket held = null;
    try {
      held = new ServerSocket(9393, 1, InetAddress.getLoopbackAddress());
    } catch (java.io.IOException alreadyTaken) {
      // someone else holds it: the fallback is exercised all the same
    }
    try (ConsoleWiring wiring = ConsoleWiring.start(parse("--data-dir", dir.toString()))) {
      assertTrue(wiring.embedded());
      assertEquals("127.0.0.1", wiring.receiver().getHost());
      assertNotEquals(9393, wiring.receiver().getPort());
      assertTrue(Files.exists(dir.resolve("baton.db")));
      assertTrue(wiring.describe().contains(" on " + wiring.receiver() + " (embedded, "), wiring.describe());
      HttpResponse<String> ready = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(wiring.receiver().resolve("/-/ready")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode());
    } finally {
      if (held != null) {
        held.close();
      }
    }
  }

  @Test
  void anInvalidBatonYmlStopsTheStartWithItsProblem() throws Exception {
    Files.writeString(dir.resolve("baton.yml"), "projects:\n  x:\n    service_level: Diamond\n");
    StartupException e = assertThrows(StartupException.class,
        () -> ConsoleWiring.start(parse("--data-dir", dir.toString())));
    assertEquals(StartupException.Reason.BAD_CONFIG, e.reason());
    assertTrue(e.getMessage().contains("Diamond"), e.getMessage());
  }

  @Test
  void aServerUrlMustBeHttpWithAHost() {
    StartupException e = assertThrows(StartupException.class,
        () -> ConsoleWiring.start(parse("--server", "baton.example:9393")));
    assertEquals("--server: 'baton.example:9393' is not an http:// or https:// URL with a host;"
        + " expected e.g. http://baton.example:9393.", e.getMessage());
  }

  @Test
  void incidentsAreReadFromTheServerWithTheToken() throws Exception {
    String reader = "reader-secret-0123456789";
    String sender = "ingest-secret-0123456789";
    try (BatonServer server = BatonServer.start(ServerSettings.forDatabase(dir.resolve("shared.db"))
        .withConfig(ConfigLoader.parse("tokens:\n  - {name: wall, role: read, secret: " + reader + "}\n"
            + "  - {name: prom, role: ingest, secret: " + sender + "}\n", "tokens.yml")))) {
      HttpResponse<String> sent = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/alerts"))
              .header("Authorization", "Bearer " + sender).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "[{\"labels\": {\"alertname\": \"DiskFull\", \"project\": \"alpha\"}}]")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, sent.statusCode(), sent.body());
      try (ConsoleWiring wiring = ConsoleWiring.start(parse("--server", server.url(), "--token", reader))) {
        List<IncidentCard> cards = wiring.incidents().load();
        assertEquals(List.of("alpha"), cards.stream().map(IncidentCard::project).toList());
        assertEquals(List.of("DiskFull"), cards.get(0).triggers());
        assertEquals("wall", wiring.me().name(), "the receiver names the token's actor (GET /api/v1/whoami)");
        assertEquals(java.util.Set.of("l1"), wiring.me().teams(), "no team lists it: the default queue");
        assertEquals("wall on " + server.url(), wiring.describe());
      }
      try (ConsoleWiring wrongToken = ConsoleWiring.start(parse("--server", server.url(), "--token", sender))) {
        BatonApiException refused = assertThrows(BatonApiException.class, () -> wrongToken.incidents().load());
        assertEquals(403, refused.status());
      }
    }
  }

  @Test
  void aSharedReceiverIsUsedAsGivenAndNamedWithTheTokensEnd() throws Exception {
    try (ConsoleWiring wiring = ConsoleWiring.start(parse("--server", "http://baton.example:9393",
        "--token", "secret-token-abcd"))) {
      assertEquals(URI.create("http://baton.example:9393"), wiring.receiver());
      assertEquals("token …abcd on http://baton.example:9393", wiring.describe());
    }
  }
}
