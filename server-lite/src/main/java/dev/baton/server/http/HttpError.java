package dev.baton.server.http;

import java.util.Map;

/**
 * A client-facing failure with its HTTP status; rendered as {@code {"code":…, "message":…}} like
 * Alertmanager's errors, never with a stack trace.
 */
public final class HttpError extends RuntimeException {

  private final int status;
  private final Map<String, String> headers;

  public HttpError(int status, String message) {
    this(status, message, Map.of());
  }

  /** With response headers such as Allow, Retry-After or WWW-Authenticate. */
  public HttpError(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
