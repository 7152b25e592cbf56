package dev.baton.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

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
  void refusesANonLoopbackAddress() {
    int code = Main.commandLine().execute("floor-receiver", "--listen", "0.0.0.0:0");
    assertEquals(2, code);
  }
}
