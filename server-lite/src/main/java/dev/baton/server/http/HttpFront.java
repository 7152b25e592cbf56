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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server with a bounded executor and the filter chain: access log, JSON errors,
 * authentication, body limits; then exact-path routing.
 */
public final class HttpFront implements AutoCloseable {

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private HttpFront(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving.
   *
   * @throws java.net.BindException when the address is taken or cannot be bound
   */
  public static HttpFront start(InetSocketAddress address, Routes routes, BatonConfig config) throws IOException {
    HttpServer server = HttpServer.create(address, 1024);
    int threads = config.limits().httpThreads();
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "baton-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // Bounded: beyond threads + queue the server closes the connection and the sender retries.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 16), factory, new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(executor);
    HttpContext context = server.createContext("/", new Router(routes));
    context.getFilters().add(new AccessLogFilter());
    context.getFilters().add(new ErrorFilter());
    context.getFilters().add(new AuthFilter(routes, config.tokens()));
    context.getFilters().add(new BodyFilter(config.limits().maxBodyBytes()));
    server.start();
    return new HttpFront(server, executor);
  }

  /** The handler that serves one ingest protocol through the pipeline. */
  public static HttpHandler ingest(IngestProtocol protocol, Pipeline pipeline, BatonConfig config,
      ReceiverMetrics metrics, Clock clock) {
    return new IngestHandler(protocol, pipeline, config, metrics, clock);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops accepting connections, lets running exchanges finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
