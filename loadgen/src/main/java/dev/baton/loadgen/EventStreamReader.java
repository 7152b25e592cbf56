package dev.baton.loadgen;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the receiver's {@code GET /api/v1/stream} on a plain socket, as a blocking client that keeps
 * up: notes when each alert event arrives ({@link System#nanoTime()}), keyed by the value of one of
 * its labels (the load generator gives every alert its own {@code instance}).
 */
final class EventStreamReader implements Closeable {

  private final Socket socket;
  private final InputStream in;
  private final String keyPrefix;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong reloads = new AtomicLong();
  private final CountDownLatch hello = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean ended;

  /** Connects and starts reading; {@code keyLabel} is the label whose value identifies an alert. */
  EventStreamReader(InetSocketAddress address, String keyLabel) throws IOException {
    this.keyPrefix = "\"" + keyLabel + "\":\"";
    socket = new Socket();
    socket.connect(address, 5000);
    socket.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: " + address.getHostString() + ":"
        + address.getPort() + "\r\nAccept: text/event-stream\r\nUser-Agent: baton-loadgen\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) {
      socket.close();
      throw new IOException("the stream answered '" + status + "'");
    }
    boolean chunked = false;
    for (String h; !(h = line()).isEmpty(); ) {
      chunked |= h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(Locale.ROOT).contains("chunked");
    }
    if (!chunked) {
      socket.close();
      throw new IOException("the stream is not chunked");
    }
    thread = new Thread(this::read, "stream-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the stream's hello: from then on every change is delivered. */
  boolean awaitHello(long millis) throws InterruptedException {
    return hello.await(millis, TimeUnit.MILLISECONDS);
  }

  /** When the alert with this key value first arrived, or null. */
  Long arrival(String key) {
    return arrivals.get(key);
  }

  long events() {
    return events.get();
  }

  long reloads() {
    return reloads.get();
  }

  boolean ended() {
    return ended;
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private void read() {
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    try {
      for (int size; (size = Integer.parseInt(line().trim(), 16)) > 0; line()) {
        pending.write(in.readNBytes(size));
        long now = System.nanoTime();
        byte[] bytes = pending.toByteArray();
        int start = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
          if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
            frame(new String(bytes, start, i - start, StandardCharsets.UTF_8), now);
            start = i + 2;
            i++;
          }
        }
        pending.reset();
        pending.write(bytes, start, bytes.length - start);
      }
    } catch (IOException | RuntimeException e) {
      // closed by us, or the receiver went away: the report says how many events came
    }
    ended = true;
  }

  private void frame(String frame, long now) {
    if (frame.startsWith(":")) {
      return;
    }
    if (frame.contains("\nevent: hello\n")) {
      hello.countDown();
    } else if (frame.contains("event: reload")) {
      reloads.incrementAndGet();
    } else if (frame.contains("\nevent: ")) {
      events.incrementAndGet();
      if (frame.contains("\nevent: alert\n")) {
        int at = frame.indexOf(keyPrefix);
        if (at >= 0) {
          int from = at + keyPrefix.length();
          arrivals.putIfAbsent(frame.substring(from, frame.indexOf('"', from)), now);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
