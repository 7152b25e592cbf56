package dev.baton.console.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.baton.console.TestReceiver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a receiver cannot be used, against real HTTP servers on loopback, in the dialog's words. */
class ConnectionCheckTest {

  @TempDir
  Path dir;
  /** A generous timeout: a loaded machine answers slowly, and no test here waits for the timeout. */
  private final ConnectionCheck check = new ConnectionCheck(Duration.ofSeconds(30));

  private String failure(String url, String token) {
    return assertThrows(ConnectionCheck.Failed.class, () -> check.check(url, token)).getMessage();
  }

  @Test
  void badUrlsAreSaidWithAnExample() {
    assertEquals("Enter the receiver's URL, e.g. http://baton.example:9393.", failure(" ", null));
    assertEquals("'baton.example:9393' is not an http:// or https:// URL with a host; expected e.g."
        + " http://baton.example:9393.", failure("baton.example:9393", null));
    String spaced = failure("http://baton example", null);
    assertTrue(spaced.startsWith("'http://baton example' is not a URL (Illegal character in authority at character "),
        spaced);
  }

  @Test
  void nothingListening() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    assertEquals("Nothing answers at http://127.0.0.1:" + port + " (connection refused): is the receiver running,"
        + " is the port right?", failure("http://127.0.0.1:" + port, null));
  }

  @Test
  void tokensAreCheckedForReading() throws Exception {
    try (TestReceiver receiver = TestReceiver.start(dir, TestReceiver.WITH_TOKENS, "prom-secret-0123456789")) {
      String url = receiver.url();
      assertEquals(url + " needs a token (401): enter one with role read or operate.", failure(url, null));
      assertEquals(url + " does not accept this token (401). Check it, or ask for a new one.",
          failure(url, "wrong-secret-0123456789"));
      assertEquals(url + " knows this token but it may not read incidents (403): it needs role read or operate,"
          + " not ingest.", failure(url, "prom-secret-0123456789"));
      ConnectionCheck.Reached reached = check.check(url + "/", "alice-secret-0123456789");
      assertEquals(url, reached.url().toString());
      assertTrue(reached.version().startsWith(ConnectionCheck.COMPATIBLE), reached.version());
    }
  }

  @Test
  void notBatonAndAnotherRelease() throws Exception {
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String[] status = {"{\"cluster\":{\"name\":\"01HX3\"},\"versionInfo\":{\"version\":\"0.25.0\"}}"};
    other.createContext("/api/v2/status", exchange -> {
      byte[] body = status[0].getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    other.start();
    try {
      String url = "http://127.0.0.1:" + other.getAddress().getPort();
      assertEquals(url + " is not a Baton receiver (it answers /api/v2/status like Alertmanager does); check the"
          + " port.", failure(url, null));
      status[0] = "{\"cluster\":{\"name\":\"baton\"},\"versionInfo\":{\"version\":\"0.9.0\"}}";
      assertEquals(url + " runs Baton 0.9.0; this console speaks the console API of Baton 0.1.x. Use a console of"
          + " the receiver's release.", failure(url, null));
    } finally {
      other.stop(0);
    }
  }
}
