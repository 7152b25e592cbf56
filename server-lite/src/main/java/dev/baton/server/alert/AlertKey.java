package dev.baton.server.alert;

/**
 * An alert's identity: its project and the fingerprint of its identifying labels (or of its
 * sender's dedup key).
 */
public record AlertKey(String project, long fingerprint) {

  @Override
  public String toString() {
    return project + "/" + Fingerprint.hex(fingerprint);
  }
}
