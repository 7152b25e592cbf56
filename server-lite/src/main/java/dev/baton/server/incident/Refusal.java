package dev.baton.server.incident;

/**
 * An action the incident's current state does not allow; nothing of it was applied.
 *
 * @see Reason
 */
public final class Refusal extends RuntimeException {

  /** Why: the API answers 404 and 409. */
  public enum Reason {
    /** No incident with that id. */
    NOT_FOUND,
    /** The incident is not in a state that allows it (closed, held by another person, stale version…). */
    CONFLICT
  }

  private final Reason reason;
  private final long currentVersion;
  private final String holder;

  public Refusal(Reason reason, String message, long currentVersion, String holder) {
    super(message, null, false, false);
    this.reason = reason;
    this.currentVersion = currentVersion;
    this.holder = holder;
  }

  public static Refusal notFound(long id) {
    return new Refusal(Reason.NOT_FOUND, "no incident " + id, 0, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The incident's version now (0 when not found). */
  public long currentVersion() {
    return currentVersion;
  }

  /** Who holds the incident now, or null when not found. */
  public String holder() {
    return holder;
  }
}
