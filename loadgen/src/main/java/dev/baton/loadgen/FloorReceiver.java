package dev.baton.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost floor of a receiver on the JDK's HTTP server: set up as Baton's front is (TCP_NODELAY,
 * a bounded pool of handler threads, the most recently idle one serving next), it reads each
 * request's body to the end and answers 200 — no decoding, no storing. Measured beside Alertmanager and Baton, it shows how much of Baton's
 * CPU per request the JDK server alone takes on the machine. Given a {@link BodyLog} (the durable
 * floor), it answers only once the body is committed to SQLite, the least a receiver that answers
 * after a durable write pays per request on this server.
 */
final class FloorReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final BodyLog store;
  private final AtomicLong bodyBytes = new AtomicLong();

  private FloorReceiver(HttpServer server, ThreadPoolExecutor executor, BodyLog store) {
    this.server = server;
    this.executor = executor;
    this.store = store;
  }

  static FloorReceiver start(InetSocketAddress address, int threads) throws IOException {
    return start(address, threads, null);
  }

  /** With {@code store} null, stores nothing; else answers each request once its body is committed there. */
  static FloorReceiver start(InetSocketAddress address, int threads, BodyLog store) throws IOException {
    // As Baton's HttpFront sets them.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("sun.net.httpserver.maxReqTime", "60");
    HttpServer server = HttpServer.create(address, 1024);
    // Like Baton's HandlerPool: threads start when needed and the thread idle most recently takes
    // the next exchange (a SynchronousQueue hands over to the last waiting thread first). Baton's
    // pool also queues up to 16 exchanges per thread when all are busy; with the benchmark's 8
    // connections and 64 threads that never happens, so the floor needs no queue.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "floor-http");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(executor);
    FloorReceiver receiver = new FloorReceiver(server, executor, store);
    server.createContext("/", receiver::answer);
    server.start();
    return receiver;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Body bytes read so far, over all requests. */
  long bodyBytes() {
    return bodyBytes.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      long read = 0;
      try (InputStream body = exchange.getRequestBody()) {
        if (store != null) {
          byte[] all = body.readAllBytes();
          read = all.length;
          store.append(all);
        } else {
          byte[] buffer = new byte[16 * 1024];
          for (int n; (n = body.read(buffer)) != -1; ) {
            read += n;
          }
        }
      } catch (ExecutionException e) {
        exchange.sendResponseHeaders(503, -1); // the store failed: a sender retries
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      bodyBytes.addAndGet(read);
      String path = exchange.getRequestURI().getPath();
      boolean known = path.equals("/-/ready") || path.equals("/-/healthy") || path.equals("/api/v2/alerts");
      byte[] answer = (known ? "{}" : "{\"error\":\"not found\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  @Override
  public void close() throws Exception {
    server.stop(0);
    executor.shutdownNow();
    if (store != null) {
      store.close();
    }
  }
}
