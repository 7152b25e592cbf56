package dev.baton.server.query;

/** The asked-for thing is not in the store. */
public final class NotFound extends RuntimeException {

  public NotFound(String message) {
    super(message, null, false, false);
  }
}
