package dev.baton.console.incident;

/** S1 (worst) .. S9, as PRODUCT.md defines it: impact rank + likelihood rank − 1. */
public record Severity(int level) implements Comparable<Severity> {

  public Severity {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("severity must be S1..S9, got " + level);
    }
  }

  public static Severity of(int level) {
    return new Severity(level);
  }

  /** {@code S3} → S3; also accepts {@code 3}. */
  public static Severity parse(String text) {
    String digits = text.startsWith("S") || text.startsWith("s") ? text.substring(1) : text;
    try {
      return new Severity(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("severity must be S1..S9, got '" + text + "'");
    }
  }

  public String label() {
    return "S" + level;
  }

  @Override
  public int compareTo(Severity other) {
    return Integer.compare(level, other.level);
  }

  @Override
  public String toString() {
    return label();
  }
}
