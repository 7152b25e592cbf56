package dev.baton.server.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Bounds request bodies (413 beyond {@code maxBytes}, checked both on Content-Length and while
 * reading, after gzip decoding too) and decodes {@code Content-Encoding: gzip}; other encodings
 * are 415.
 */
final class BodyFilter extends Filter {

  private final long maxBytes;

  BodyFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBytes) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Content-Length is not a number: " + length);
      }
    }
    InputStream in = new Limited(exchange.getRequestBody(), maxBytes);
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      if (!encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
        throw new HttpError(415, "Content-Encoding " + encoding + " is not supported; send identity or gzip");
      }
      in = new Limited(new Gunzip(in), maxBytes);
    }
    exchange.setStreams(in, exchange.getResponseBody());
    chain.doFilter(exchange);
  }

  private HttpError tooLarge() {
    return new HttpError(413, "request body exceeds the limit of " + maxBytes + " bytes");
  }

  @Override
  public String description() {
    return "body size limit and gzip decoding";
  }

  /** Fails with 413 as soon as more than {@code max} bytes have been read. */
  private final class Limited extends FilterInputStream {
    private final long max;
    private long count;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > max) {
        throw tooLarge();
      }
    }
  }

  /** gzip decoding whose corrupt input is the client's mistake (400), created lazily on first read. */
  private static final class Gunzip extends InputStream {
    private final InputStream raw;
    private GZIPInputStream gzip;

    Gunzip(InputStream raw) {
      this.raw = raw;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      try {
        if (gzip == null) {
          gzip = new GZIPInputStream(raw);
        }
        return gzip.read(buf, off, len);
      } catch (ZipException | java.io.EOFException e) {
        throw new HttpError(400, "body is not valid gzip: " + e.getMessage());
      }
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }
}
