package dev.baton.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.server.config.BatonConfig;
import java.util.function.Supplier;
import dev.baton.server.ingest.DecodeResult;
import dev.baton.server.ingest.IngestProtocol;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.pipeline.Source;
import dev.baton.server.pipeline.Submission;
import dev.baton.server.pipeline.Unavailable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves one ingest protocol: checks the content type, decodes, hands the raw body and the valid
 * events to the writer, waits for the commit, and only then answers with the protocol's reply.
 * A full queue, a failed commit or a commit slower than the timeout is 503 with Retry-After.
 */
final class IngestHandler implements HttpHandler {

  static final String RETRY_AFTER_SECONDS = "1";

  private final IngestProtocol protocol;
  private final Pipeline pipeline;
  private final Supplier<BatonConfig> config;
  private final ReceiverMetrics metrics;
  private final Clock clock;
  private final Duration timeout;

  IngestHandler(IngestProtocol protocol, Pipeline pipeline, Supplier<BatonConfig> config, ReceiverMetrics metrics,
      Clock clock) {
    this.protocol = protocol;
    this.pipeline = pipeline;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.timeout = config.get().limits().commitTimeout();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    checkContentType(contentType);
    byte[] body = readBody(exchange);
    Instant receivedAt = clock.instant();
    DecodeResult result = protocol.decode(body, receivedAt);
    String client = exchange.getRemoteAddress().getAddress().getHostAddress();
    Source source = source(exchange, client);
    if (!result.problems().isEmpty()) {
      // one alert can have several problems: count rejected items, not problems
      long items = result.problems().stream().mapToInt(DecodeResult.Problem::index).distinct().count();
      metrics.alertsRejected.inc(items, source.name(), protocol.name(), "invalid");
    }
    if (!result.bodyRejected() && !result.events().isEmpty()) {
      CompletableFuture<Void> committed = pipeline.submit(new Submission(source, protocol.name(), client,
          contentType, body, result.events(), receivedAt.toEpochMilli()));
      awaitCommit(committed, source, result.events().size());
      metrics.alertsReceived.inc(result.events().size(), source.name(), protocol.name());
    }
    IngestProtocol.Reply reply = protocol.reply(result);
    Exchanges.send(exchange, reply.status(), reply.contentType(), reply.body());
  }

  /**
   * The body, in an array of its exact size when Content-Length gives it ({@code readAllBytes}
   * fills an 8 KiB buffer and copies it). Its size was checked by the body filter.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      int length = declaredLength(exchange);
      if (length < 0) {
        return in.readAllBytes();
      }
      byte[] declared = in.readNBytes(length);
      int next = in.read();
      if (next < 0) {
        return declared;
      }
      // more than declared (a chunked body that also carries Content-Length, which this JDK
      // refuses with 400 before any handler runs): store what was sent, as readAllBytes would
      ByteArrayOutputStream all = new ByteArrayOutputStream(declared.length * 2);
      all.write(declared);
      all.write(next);
      in.transferTo(all);
      return all.toByteArray();
    }
  }

  /** Content-Length of an identity-encoded body, else -1 (gzip: the length is the compressed one). */
  private static int declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null || exchange.getRequestHeaders().containsKey("Content-Encoding")) {
      return -1;
    }
    try {
      long n = Long.parseLong(length.trim());
      return n >= 0 && n <= Integer.MAX_VALUE - 8 ? (int) n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void awaitCommit(CompletableFuture<Void> committed, Source source, int events) {
    Unavailable failure;
    try {
      committed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return;
    } catch (TimeoutException e) {
      failure = new Unavailable(Unavailable.Reason.TIMEOUT, "the store did not commit within " + timeout.toSeconds()
          + " s; retry later", null);
    } catch (ExecutionException e) {
      failure = e.getCause() instanceof Unavailable u ? u
          : new Unavailable(Unavailable.Reason.STORE_FAILED, "the store could not commit; retry later", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new Unavailable(Unavailable.Reason.STOPPED, "the receiver is stopping; retry later", null);
    }
    metrics.alertsRejected.inc(events, source.name(), protocol.name(), failure.reason().wire());
    throw new HttpError(503, failure.getMessage(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }

  /** Senders use application/json; Prometheus, Alertmanager and amtool do, some scripts send text/plain or nothing. */
  private void checkContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    int parameters = contentType.indexOf(';');
    String media = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.equals("text/plain") && !media.endsWith("+json")) {
      throw new HttpError(415, "Content-Type " + contentType + " is not supported on " + protocol.path()
          + "; send application/json");
    }
  }

  /** By token when tokens are configured (the source that names the token, else the token), else by client and endpoint. */
  private Source source(HttpExchange exchange, String client) {
    Principal p = Principal.of(exchange);
    if (p != null && p.token()) {
      return config.get().sourceForToken(p.name())
          .map(s -> new Source(s.name(), s.defaultProject()))
          .orElse(new Source(p.name(), null));
    }
    return new Source(client + "/" + protocol.name(), null);
  }
}
