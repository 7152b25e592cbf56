package dev.baton.server.postmortem;

/** A write that the current state refuses (HTTP 409): a stale version, an incident already covered. */
public final class Conflict extends RuntimeException {

  Conflict(String message) {
    super(message, null, false, false);
  }
}
