package dev.baton.console.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.client.BatonApiException;
import dev.baton.client.BatonClient;
import dev.baton.client.IncidentQuery;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Tries a receiver before the console switches to it: is the URL one, does it answer, is it Baton
 * (its {@code /api/v2/status} says {@code cluster.name: baton}) of a version this console speaks,
 * does it take the token for reading. Each failure is one sentence a person can act on.
 */
public final class ConnectionCheck {

  /** The receiver versions this console speaks: {@code 0.1.x} (the console API of this release). */
  public static final String COMPATIBLE = "0.1.";

  /** What a successful check learnt. */
  public record Reached(URI url, String version) {
  }

  /** Why the receiver cannot be used; the message is for the dialog. */
  public static final class Failed extends Exception {
    public Failed(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Duration timeout;

  public ConnectionCheck(Duration timeout) {
    this.timeout = timeout;
  }

  /** Parses {@code text} as a receiver URL; the problem in words when it is not one. */
  public static URI parse(String text) throws Failed {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new Failed("Enter the receiver's URL, e.g. http://baton.example:9393.");
    }
    URI url;
    try {
      url = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    } catch (URISyntaxException e) {
      throw new Failed("'" + trimmed + "' is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1)
          + "); expected e.g. http://baton.example:9393.");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new Failed("'" + trimmed + "' is not an http:// or https:// URL with a host;"
          + " expected e.g. http://baton.example:9393.");
    }
    return url;
  }

  public Reached check(String urlText, String token) throws Failed {
    URI url = parse(urlText);
    String bearer = token == null || token.isBlank() ? null : token.strip();
    String version = status(url, bearer);
    if (!version.startsWith(COMPATIBLE)) {
      throw new Failed(url + " runs Baton " + version + "; this console speaks the console API of Baton "
          + COMPATIBLE + "x. Use a console of the receiver's release.");
    }
    BatonClient.Builder builder = BatonClient.builder(url.toString()).connectTimeout(timeout).callTimeout(timeout);
    if (bearer != null) {
      builder.token(bearer);
    }
    try (BatonClient client = builder.build()) {
      client.incidents(IncidentQuery.of(null).withLimit(1));
    } catch (BatonApiException e) {
      throw new Failed(refusal(url, e.status(), bearer != null, e.getMessage()));
    } catch (IOException e) {
      throw new Failed(unreachable(url, e));
    }
    return new Reached(url, version);
  }

  private String status(URI url, String bearer) throws Failed {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/v2/status")).timeout(timeout)
        .header("Accept", "application/json").GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> answer;
    try {
      answer = HttpClient.newBuilder().connectTimeout(timeout).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Failed(unreachable(url, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed("Interrupted while trying " + url + ".");
    }
    if (answer.statusCode() == 401 || answer.statusCode() == 403) {
      throw new Failed(refusal(url, answer.statusCode(), bearer != null, answer.body()));
    }
    if (answer.statusCode() != 200) {
      throw new Failed(url + " answered HTTP " + answer.statusCode() + " to /api/v2/status: it is not a Baton"
          + " receiver (check the host, port and path).");
    }
    try {
      JsonNode status = JSON.readTree(answer.body());
      if (!"baton".equals(status.path("cluster").path("name").asText())) {
        throw new Failed(url + " is not a Baton receiver (it answers /api/v2/status like Alertmanager does);"
            + " check the port.");
      }
      return status.path("versionInfo").path("version").asText("unknown");
    } catch (IOException e) {
      throw new Failed(url + " answered /api/v2/status with something that is not JSON: it is not a Baton receiver.");
    }
  }

  private static String refusal(URI url, int status, boolean sentToken, String message) {
    if (status == 401) {
      return sentToken ? url + " does not accept this token (401). Check it, or ask for a new one."
          : url + " needs a token (401): enter one with role read or operate.";
    }
    if (status == 403) {
      return url + " knows this token but it may not read incidents (403): it needs role read or operate,"
          + " not ingest.";
    }
    return url + " refused (" + message + ").";
  }

  static String unreachable(URI url, IOException e) {
    if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
      return "Cannot find the host " + url.getHost() + " (DNS): check the URL.";
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "Nothing answers at " + url + " (connection refused): is the receiver running, is the port right?";
    }
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException
        || e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
      return url + " did not answer in time: a firewall, a wrong host, or the receiver is overloaded.";
    }
    return "Cannot reach " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
