package dev.baton.loadgen;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that posts bodies and reads the status of each answer.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on the 2-core machines we measure on, the load
 * generator shares the CPU with the receiver, and the JDK client's asynchronous machinery costs
 * several times the CPU of a blocking socket per request, which would be taken from the target
 * and lower its figures. This class does exactly what the measurement needs: write one request,
 * read the status line and headers, skip the body (Content-Length, chunked, or until close), and
 * reconnect when the server closes.
 */
final class HttpConnection implements Closeable {

  private static final int MAX_LINE = 16 * 1024;

  private final InetSocketAddress address;
  private final String host;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(InetSocketAddress address, int connectTimeoutMillis, int readTimeoutMillis) {
    this.address = address;
    this.host = hostHeader(address);
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** Posts {@code body} as JSON to {@code path} and returns the answer's status code. */
  int post(String path, byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      String head = "POST " + path + " HTTP/1.1\r\n"
          + "Host: " + host + "\r\n"
          + "User-Agent: baton-loadgen\r\n"
          + "Content-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n"
          + "\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(readTimeoutMillis);
      s.connect(address, connectTimeoutMillis);
      in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      socket = s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  private int readResponse() throws IOException {
    int status;
    Headers headers;
    do {
      status = parseStatus(readLine());
      headers = readHeaders();
    } while (status >= 100 && status < 200);

    boolean noBody = status == 204 || status == 304;
    if (noBody) {
      // nothing to read
    } else if (headers.chunked) {
      skipChunked();
    } else if (headers.contentLength >= 0) {
      skipFully(headers.contentLength);
    } else {
      // Neither length nor chunks: the body runs until the server closes the connection.
      while (in.read() >= 0) {
        // discard
      }
      close();
      return status;
    }
    if (headers.connectionClose) {
      close();
    }
    return status;
  }

  private static int parseStatus(String line) throws IOException {
    // "HTTP/1.1 200 OK"
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new IOException("not an HTTP/1.x status line: '" + line + "'");
    }
    try {
      return Integer.parseInt(line.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad status code in '" + line + "'", e);
    }
  }

  private Headers readHeaders() throws IOException {
    Headers headers = new Headers();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line: '" + line + "'");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> headers.contentLength = Long.parseLong(value);
        case "transfer-encoding" -> headers.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> headers.connectionClose = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    return headers;
  }

  private void skipChunked() throws IOException {
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size '" + sizeLine + "'", e);
      }
      if (size == 0) {
        // trailers, then the empty line that ends the message
        while (!readLine().isEmpty()) {
          // discard trailer
        }
        return;
      }
      skipFully(size);
      if (!readLine().isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
      }
    }
  }

  private void skipFully(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed with " + left + " body bytes missing");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server"
            + (line.length() > 0 ? " in the middle of '" + line + "'" : ""));
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("header line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a socket we no longer use; nothing to recover
      }
    }
    socket = null;
    in = null;
    out = null;
  }

  private static String hostHeader(InetSocketAddress address) {
    String h = address.getHostString();
    return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + address.getPort();
  }

  private static final class Headers {
    long contentLength = -1;
    boolean chunked;
    boolean connectionClose;
  }
}
