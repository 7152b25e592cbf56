package dev.baton.server.alert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Alertmanager's label-set fingerprint: FNV-1a 64 over the label pairs sorted by name, each name
 * and value followed by the separator byte 0xff; shown as 16 hex digits. Equal label sets give
 * equal fingerprints in Baton, Alertmanager and Prometheus.
 */
public final class Fingerprint {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  private Fingerprint() {}

  /** Fingerprint of all labels. */
  public static long of(SortedMap<String, String> labels) {
    return of(labels, Set.of());
  }

  /** Fingerprint of the labels whose names are not in {@code excluded}. */
  public static long of(SortedMap<String, String> labels, Set<String> excluded) {
    long hash = OFFSET;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (excluded.contains(e.getKey())) {
        continue;
      }
      hash = add(hash, e.getKey());
      hash = addByte(hash, SEPARATOR);
      hash = add(hash, e.getValue());
      hash = addByte(hash, SEPARATOR);
    }
    return hash;
  }

  /** FNV-1a 64 of one string, for identities that are not label sets (dedup keys). */
  public static long ofText(String text) {
    return add(OFFSET, text);
  }

  public static String hex(long fingerprint) {
    String h = Long.toHexString(fingerprint);
    return "0".repeat(16 - h.length()) + h;
  }

  /** Adds the string's UTF-8 bytes; ASCII (most label text) without encoding it into an array first. */
  private static long add(long hash, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
          hash = addByte(hash, b & 0xff);
        }
        return hash;
      }
      hash = addByte(hash, c);
    }
    return hash;
  }

  private static long addByte(long hash, int b) {
    return (hash ^ b) * PRIME;
  }
}
