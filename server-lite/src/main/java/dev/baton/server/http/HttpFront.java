package dev.baton.server.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.ingest.IngestProtocol;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.pipeline.Pipeline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The JDK HTTP server with a bounded pool of handler threads and the filter chain: access log,
 * JSON errors, authentication, body limits; then exact-path routing.
 */
public final class HttpFront implements AutoCloseable {

  private final HttpServer server;
  private final HandlerPool executor;
  private final InFlight inFlight;
  private final BatonConfig config;

  private HttpFront(HttpServer server, HandlerPool executor, InFlight inFlight, BatonConfig config) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.inFlight = inFlight;
  }

  /**
   * Binds and starts serving.
   *
   * @throws java.net.BindException when the address is taken or cannot be bound
   */
  public static HttpFront start(InetSocketAddress address, Routes routes, Supplier<BatonConfig> live,
      ReceiverMetrics metrics) throws IOException {
    BatonConfig config = live.get(); // limits apply from the start on; tokens are read per request
    // Without TCP_NODELAY a response written as headers + body waits for the client's delayed ACK (~40 ms).
    defaultProperty("sun.net.httpserver.nodelay", "true");
    // A client that trickles its request is cut off instead of holding a thread. There is no such
    // limit on answers: the JDK's (maxRspTime) would close every event stream after that time. The
    // stream cuts clients that stop reading itself (stream.stall_timeout); other answers are bounded
    // pages that fit in the socket's buffers.
    defaultProperty("sun.net.httpserver.maxReqTime", "60");
    HttpServer server = HttpServer.create(address, 1024);
    int threads = config.limits().httpThreads();
    // Bounded: beyond threads + backlog the server closes the connection and the sender retries.
    HandlerPool executor = new HandlerPool("baton-http-", threads, threads * 16);
    server.setExecutor(executor);
    HttpContext context = server.createContext("/", new Router(routes, executor));
    InFlight inFlight = new InFlight();
    context.getFilters().add(new AccessLogFilter(inFlight, routes, metrics));
    context.getFilters().add(new ErrorFilter());
    context.getFilters().add(new AuthFilter(routes, () -> live.get().tokens()));
    context.getFilters().add(new BodyFilter(config.limits().maxBodyBytes()));
    server.start();
    return new HttpFront(server, executor, inFlight, config);
  }

  /** The JDK server reads these once, when it first starts; an explicit -D wins. */
  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /** The handler that serves one ingest protocol through the pipeline. */
  public static HttpHandler ingest(IngestProtocol protocol, Pipeline pipeline, Supplier<BatonConfig> config,
      ReceiverMetrics metrics, Clock clock) {
    return new IngestHandler(protocol, pipeline, config, metrics, clock);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Lets running exchanges finish (up to the commit timeout), then stops the server. */
  @Override
  public void close() {
    inFlight.awaitIdle(config.limits().commitTimeout().toMillis() + 1000);
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
