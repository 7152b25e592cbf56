package dev.baton.server.pipeline;

/** The store cannot take a request now; the sender should retry later (HTTP 503 + Retry-After). */
public final class Unavailable extends RuntimeException {

  /** Why, as used in metrics. */
  public enum Reason {
    QUEUE_FULL("queue_full"), STORE_FAILED("store_failed"), TIMEOUT("timeout"), STOPPED("stopped");

    private final String wire;

    Reason(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  private final Reason reason;

  public Unavailable(Reason reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
