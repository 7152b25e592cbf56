package dev.baton.server.stream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain server-sent-events reader on a raw socket (HTTP/1.1, chunked body decoded here): every
 * event and comment the server writes, parsed as the SSE format defines it, in the order
 * received; {@link #END} when the server closes the stream. Closing closes the socket at once.
 */
final class SseClient implements AutoCloseable {

  /** One dispatched event, or a comment line (type ":"), or the end of the stream. */
  record Event(String id, String type, String data) {
    long number() {
      return Long.parseLong(id);
    }
  }

  static final Event END = new Event(null, "end", null);

  final int status;
  final String contentType;
  private final Socket socket;
  private final InputStream in;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

  SseClient(String url, Map<String, String> headers) throws IOException {
    this(url, headers, 0);
  }

  /** With {@code receiveBuffer} > 0, a small socket receive buffer (to play a slow client). */
  SseClient(String url, Map<String, String> headers, int receiveBuffer) throws IOException {
    URI uri = URI.create(url);
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
    StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath())
        .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
        .append("Accept: text/event-stream\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    in = new BufferedInputStream(socket.getInputStream());
    String statusLine = line(in);
    status = Integer.parseInt(statusLine.split(" ")[1]);
    String type = null;
    boolean chunked = false;
    for (String h; !(h = line(in)).isEmpty(); ) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = h.substring(13).trim();
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    contentType = type;
    if (status == 200 && chunked) {
      Thread reader = new Thread(this::read, "sse-client");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private void read() {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      String id = null;
      String type = null;
      StringBuilder data = null;
      for (int size; (size = Integer.parseInt(line(in).trim(), 16)) > 0; line(in)) {
        body.write(in.readNBytes(size));
        String text = body.toString(StandardCharsets.UTF_8);
        int nl;
        int consumed = 0;
        while ((nl = text.indexOf('\n', consumed)) >= 0) {
          String l = text.substring(consumed, nl);
          consumed = nl + 1;
          if (l.isEmpty()) {
            if (data != null || type != null) {
              events.add(new Event(id, type == null ? "message" : type, data == null ? "" : data.toString()));
            }
            id = null;
            type = null;
            data = null;
          } else if (l.startsWith(":")) {
            events.add(new Event(null, ":", l.substring(1).trim()));
          } else {
            int colon = l.indexOf(':');
            String field = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1).stripLeading();
            switch (field) {
              case "id" -> id = value;
              case "event" -> type = value;
              case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
              default -> { } // retry:
            }
          }
        }
        byte[] rest = text.substring(consumed).getBytes(StandardCharsets.UTF_8);
        body.reset();
        body.write(rest);
      }
    } catch (IOException | RuntimeException e) {
      // closed by the test or cut by the server: the end either way
    }
    events.add(END);
  }

  /** The next event or comment, waiting up to {@code wait}; fails the test when none comes. */
  Event next(Duration wait) throws InterruptedException {
    Event e = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no event within " + wait);
    }
    return e;
  }

  /** The next event that is not a comment. */
  Event nextEvent(Duration wait) throws InterruptedException {
    for (Event e = next(wait); ; e = next(wait)) {
      if (!":".equals(e.type())) {
        return e;
      }
    }
  }

  /** Events (not comments) until {@code count} of them were read. */
  List<Event> events(int count, Duration wait) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    while (out.size() < count) {
      Event e = nextEvent(wait);
      out.add(e);
      if (e == END) {
        break;
      }
    }
    return out;
  }

  /** Whatever arrives within {@code quiet} of the previous event. */
  List<Event> drain(Duration quiet) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    for (Event e; (e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
      out.add(e);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
