package dev.baton.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorReceiverTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void readsEveryBodyToTheEndAndAnswersLikeAReceiver() throws Exception {
    try (FloorReceiver receiver = FloorReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4)) {
      String base = "http://127.0.0.1:" + receiver.port();
      String body = "[{\"labels\":{\"alertname\":\"Floor\"}}]".repeat(1000);

      HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, posted.statusCode());
      assertEquals(body.length(), receiver.bodyBytes());

      assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/elsewhere")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
    }
  }

  @Test
  void theDurableFloorAnswersOnlyWhatItCommitted(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("floor.db");
    try (FloorReceiver receiver = FloorReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4,
        BodyLog.open(db))) {
      String base = "http://127.0.0.1:" + receiver.port();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
            .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"n\":\"" + i + "\"}}]")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode());
        // answered, so committed: another connection sees it
        try (Connection read = DriverManager.getConnection("jdbc:sqlite:" + db);
            ResultSet rows = read.createStatement().executeQuery(
                "SELECT count(*), max(CAST(body AS TEXT)) FROM messages")) {
          assertEquals(i + 1, rows.getInt(1));
          assertEquals("[{\"labels\":{\"n\":\"" + i + "\"}}]", rows.getString(2));
        }
      }
    }
  }

  @Test
  void refusesANonLoopbackAddress() {
    int code = Main.commandLine().execute("floor-receiver", "--listen", "0.0.0.0:0");
    assertEquals(2, code);
  }
}
