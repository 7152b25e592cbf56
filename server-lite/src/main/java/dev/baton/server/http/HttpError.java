package dev.baton.server.http;

import java.util.List;
import java.util.Map;

/**
 * A client-facing failure with its HTTP status; rendered as {@code {"code":…, "message":…}} like
 * Alertmanager's errors, never with a stack trace.
 */
public final class HttpError extends RuntimeException {

  private final int status;
  private final Map<String, String> headers;
  private final List<?> details;

  public HttpError(int status, String message) {
    this(status, message, Map.of(), List.of());
  }

  public HttpError(int status, String message, Map<String, String> headers, List<?> details) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.details = List.copyOf(details);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Located problems (which item, which field), empty when the message says it all. */
  public List<?> details() {
    return details;
  }
}
