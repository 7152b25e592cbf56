package dev.baton.server.policy;

/**
 * Severity S1 (worst) .. S9 (least). Smaller level = more severe.
 *
 * @param level 1..9
 */
public record Severity(int level) implements Comparable<Severity> {

  public static final Severity MOST = new Severity(1);
  public static final Severity LEAST = new Severity(9);

  public Severity {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("severity level must be 1..9, got " + level);
    }
  }

  public static Severity of(int level) {
    return new Severity(level);
  }

  /** Parses "S3", "s3" or "3"; null when it is not a severity. */
  public static Severity parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.length() == 2 && (t.charAt(0) == 'S' || t.charAt(0) == 's')) {
      t = t.substring(1);
    }
    if (t.length() != 1 || t.charAt(0) < '1' || t.charAt(0) > '9') {
      return null;
    }
    return new Severity(t.charAt(0) - '0');
  }

  /** The more severe of the two; null counts as less severe than anything. */
  public static Severity worst(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.level <= b.level ? a : b;
  }

  public boolean moreSevereThan(Severity other) {
    return other == null || level < other.level;
  }

  @Override
  public int compareTo(Severity o) {
    return Integer.compare(level, o.level);
  }

  @Override
  public String toString() {
    return "S" + level;
  }
}
