package dev.baton.server.store;

/** The database cannot be opened, migrated or written; the message says which file and why. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
