package dev.baton.server;

/** The receiver could not start; the message says what to change. */
public final class StartupException extends Exception {

  /** Process exit codes, one per kind of startup failure. */
  public enum Reason {
    BAD_CONFIG(2), ADDRESS_UNAVAILABLE(3), DATABASE(4), INSECURE(5);

    private final int exitCode;

    Reason(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Reason reason;

  public StartupException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
